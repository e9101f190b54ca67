package dev.acp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.CredentialInput;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The profile's §6 order, for every pair of sources a provider's credential can come from. */
class CredentialResolverTest {

    /** The sources, in the profile's order; within one tier the configured method order decides. */
    enum Source {
        ENV_TOKEN(0, Credential.Kind.ACCESS_TOKEN, "env P_OAUTH_TOKEN", "tok-env"),
        PARAM_TOKEN(0, Credential.Kind.ACCESS_TOKEN, "start parameter --p-token-file", "tok-param"),
        STORED_OAUTH(1, Credential.Kind.ACCESS_TOKEN, "stored p-oauth", "tok-stored"),
        ENV_KEY(2, Credential.Kind.API_KEY, "env P_API_KEY", "key-env"),
        PARAM_KEY(2, Credential.Kind.API_KEY, "start parameter --p-key-file", "key-param"),
        STORED_KEY(3, Credential.Kind.API_KEY, "stored p-page", "key-stored");

        final int tier;
        final Credential.Kind kind;
        final String source;
        final String secret;

        Source(int tier, Credential.Kind kind, String source, String secret) {
            this.tier = tier;
            this.kind = kind;
            this.source = source;
            this.secret = secret;
        }
    }

    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        Source[] all = Source.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                // the enum lists each tier in the configured method order, so the earlier one wins
                pairs.add(Arguments.of(all[i], all[j], all[i]));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} and {1}: {2} is used")
    @MethodSource("pairs")
    void theHigherSourceOfEveryPairWins(Source first, Source second, Source expected) throws IOException {
        Credential used = resolve(EnumSet.of(first, second)).orElseThrow();

        assertThat(used.source()).isEqualTo(expected.source);
        assertThat(used.kind()).isEqualTo(expected.kind);
        assertThat(used.secret()).isEqualTo(expected.secret);
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void eachSourceAloneIsUsedWithItsKind(Source only) throws IOException {
        Credential used = resolve(EnumSet.of(only)).orElseThrow();

        assertThat(used.source()).isEqualTo(only.source);
        assertThat(used.kind()).isEqualTo(only.kind);
    }

    @Test
    void everySourceAtOnceGivesTheEnvironmentsToken() throws IOException {
        assertThat(resolve(EnumSet.allOf(Source.class)).orElseThrow().source()).isEqualTo(Source.ENV_TOKEN.source);
        assertThat(resolve(EnumSet.noneOf(Source.class))).isEmpty();
    }

    @Test
    void anExpiredStoredOAuthCredentialGivesWayToTheKeyBelowIt() throws IOException {
        CredentialStore store = new CredentialStore(dir.resolve("credentials.json"));
        store.put(StoredCredential.oauth2("p", "p-oauth", "tok-old", null, NOW.minusSeconds(60), NOW.minusSeconds(3600),
                Map.of()));
        store.put(StoredCredential.apiKey("p", "p-page", "key-stored", NOW));

        assertThat(resolver(store, LaunchEnvironment.of(Map.of())).resolve("p").orElseThrow().source())
                .isEqualTo(Source.STORED_KEY.source);
    }

    @Test
    void afterLogoutOnlyStoredCredentialsCount() throws IOException {
        CredentialStore store = new CredentialStore(dir.resolve("credentials.json"));
        store.put(StoredCredential.apiKey("p", "p-page", "key-stored", NOW));
        CredentialResolver resolver = resolver(store, LaunchEnvironment.of(Map.of("P_OAUTH_TOKEN", "tok-env")));
        assertThat(resolver.resolve("p").orElseThrow().source()).isEqualTo(Source.ENV_TOKEN.source);

        resolver.ignoreLaunchValues("p");
        assertThat(resolver.resolve("p").orElseThrow().source()).isEqualTo(Source.STORED_KEY.source);
        assertThat(resolver.launchCredentials("p")).extracting(Credential::source).containsExactly(Source.ENV_TOKEN.source);
    }

    private Optional<Credential> resolve(Set<Source> sources) throws IOException {
        CredentialStore store = new CredentialStore(dir.resolve("credentials-" + System.nanoTime() + ".json"));
        Map<String, String> env = new HashMap<>();
        Map<String, String> params = new HashMap<>();
        for (Source source : sources) {
            switch (source) {
                case ENV_TOKEN -> env.put("P_OAUTH_TOKEN", source.secret);
                case ENV_KEY -> env.put("P_API_KEY", source.secret);
                case PARAM_TOKEN -> params.put("--p-token-file", file(source).toString());
                case PARAM_KEY -> params.put("--p-key-file", file(source).toString());
                case STORED_OAUTH -> store.put(StoredCredential.oauth2("p", "p-oauth", source.secret, "refresh",
                        NOW.plusSeconds(3600), NOW, Map.of()));
                case STORED_KEY -> store.put(StoredCredential.apiKey("p", "p-page", source.secret, NOW));
                default -> throw new IllegalStateException(source.name());
            }
        }
        return resolver(store, new LaunchEnvironment(env, params)).resolve("p");
    }

    private Path file(Source source) throws IOException {
        return Files.writeString(dir.resolve(source.name()), source.secret + "\n");
    }

    private static CredentialResolver resolver(CredentialStore store, LaunchEnvironment launch) {
        List<AuthMethodConfig> methods = List.of(
                AuthMethodConfig.envVar("p-env-token", "P token").provider("p").tokenVariable("P_OAUTH_TOKEN", null).build(),
                AuthMethodConfig.startParam("p-param-token", "P token file").provider("p")
                        .input(new CredentialInput("--p-token-file", null, true, false, CredentialInput.OAUTH_TOKEN)).build(),
                AuthMethodConfig.envVar("p-env-key", "P key").provider("p").variable("P_API_KEY", null).build(),
                AuthMethodConfig.startParam("p-param-key", "P key file").provider("p").parameter("--p-key-file", null).build(),
                AuthMethodConfig.apiKeyPage("p-page", "P key page").provider("p").build(),
                AuthMethodConfig.oauth2("p-oauth", "P sign-in").provider("p").issuer("https://p.example")
                        .clientId("acp4j").build());
        return new CredentialResolver(new AuthMethodRegistry(methods, launch), store,
                TokenRefresher.untilExpiry(Clock.systemUTC()));
    }
}
