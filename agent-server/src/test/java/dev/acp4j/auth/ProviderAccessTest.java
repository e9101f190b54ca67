package dev.acp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.ExchangeConfig;
import dev.acp4j.auth.oauth.CopilotShapedServer;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link CredentialResolver} gives agent code for a stored OAuth credential of a method with
 * headers, a base URL and a Copilot-shaped exchange: the exchanged token, reused until five minutes
 * are left, then exchanged again; one refresh after a 401.
 */
class ProviderAccessTest {

    private static final String OAUTH_TOKEN = "gho_providerAccess0123456789abcdefABCD";

    @TempDir
    Path dir;

    private CopilotShapedServer copilot;
    private CredentialStore store;
    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void start() throws Exception {
        copilot = new CopilotShapedServer(OAUTH_TOKEN);
        store = new CredentialStore(dir.resolve("credentials.json"));
    }

    @AfterEach
    void stop() {
        copilot.close();
    }

    private AuthMethodConfig copilotMethod(boolean exchange) {
        AuthMethodConfig.Builder method = AuthMethodConfig.oauth2("copilot", "Sign in with GitHub Copilot")
                .flow("device_code").clientId("Iv1.test").deviceAuthorizationEndpoint("https://github.example/login/device/code")
                .tokenEndpoint("https://github.example/login/oauth/access_token")
                .apiBaseUrl("https://api.githubcopilot.example");
        CopilotShapedServer.API_HEADERS.forEach(method::header);
        if (exchange) {
            ExchangeConfig.Builder config = ExchangeConfig.builder(copilot.exchangeEndpoint().toString())
                    .tokenPlacement("authorization: token").apiBaseUrlField("endpoints.api");
            CopilotShapedServer.EXCHANGE_HEADERS.forEach(config::header);
            method.exchange(config.build());
        }
        return method.build();
    }

    private CredentialResolver resolver(AuthMethodConfig method, TokenRefresher refresher) {
        return new CredentialResolver(new AuthMethodRegistry(List.of(method), LaunchEnvironment.of(Map.of())), store,
                refresher, clock);
    }

    private void storeOAuthToken(String token) {
        store.put(StoredCredential.oauth2("copilot", "copilot", token, null, null, Instant.now(), Map.of()));
    }

    @Test
    void withoutAnExchangeTheOAuthTokenComesWithTheHeadersAndBaseUrl() {
        storeOAuthToken(OAUTH_TOKEN);

        Credential credential = resolver(copilotMethod(false), TokenRefresher.untilExpiry(clock)).resolve("copilot").orElseThrow();

        assertThat(credential.secret()).isEqualTo(OAUTH_TOKEN);
        assertThat(credential.headers()).isEqualTo(CopilotShapedServer.API_HEADERS);
        assertThat(credential.attribute(Credential.API_BASE_URL)).contains("https://api.githubcopilot.example");
        assertThat(credential.toString()).doesNotContain(OAUTH_TOKEN).doesNotContain("acp4j-test")
                .contains("Copilot-Integration-Id").contains("https://api.githubcopilot.example");
    }

    @Test
    void theAgentGetsTheExchangedTokenReusedUntilFiveMinutesRemainThenANewOne() {
        storeOAuthToken(OAUTH_TOKEN);
        CredentialResolver resolver = resolver(copilotMethod(true), TokenRefresher.untilExpiry(clock));

        Credential first = resolver.resolve("copilot").orElseThrow();
        assertThat(first.secret()).isEqualTo(copilot.issued().get(0));
        assertThat(first.kind()).isEqualTo(Credential.Kind.ACCESS_TOKEN);
        assertThat(first.source()).isEqualTo("stored copilot");
        assertThat(first.headers()).isEqualTo(CopilotShapedServer.API_HEADERS);
        assertThat(first.attribute(Credential.API_BASE_URL)).contains(copilot.apiBaseUrl().toString());
        assertThat(first.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));

        clock.advance(Duration.ofMinutes(24));
        assertThat(resolver.resolve("copilot").orElseThrow().secret()).isEqualTo(first.secret());
        assertThat(copilot.exchanges()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));   // 4 minutes left: inside the margin
        Credential renewed = resolver.resolve("copilot").orElseThrow();
        assertThat(copilot.exchanges()).isEqualTo(2);
        assertThat(renewed.secret()).isEqualTo(copilot.issued().get(1)).isNotEqualTo(first.secret());
        assertThat(store.get("copilot", dev.acp4j.auth.store.CredentialKind.OAUTH2).orElseThrow().secret())
                .as("the store keeps the OAuth token").isEqualTo(OAUTH_TOKEN);
    }

    @Test
    void requestsAtTheSameMomentCauseOneExchange() throws Exception {
        storeOAuthToken(OAUTH_TOKEN);
        CredentialResolver resolver = resolver(copilotMethod(true), TokenRefresher.untilExpiry(clock));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> secrets = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                secrets.add(pool.submit(() -> {
                    go.await();
                    return resolver.resolve("copilot").orElseThrow().secret();
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<String> secret : secrets) {
                assertThat(secret.get()).isEqualTo(copilot.issued().get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(copilot.exchanges()).isEqualTo(1);
    }

    @Test
    void aTokenIssuedForLessThanTheMarginIsExchangedAgainAtEachUse() {
        copilot.lifetime(240);
        storeOAuthToken(OAUTH_TOKEN);
        CredentialResolver resolver = resolver(copilotMethod(true), TokenRefresher.untilExpiry(clock));

        String first = resolver.resolve("copilot").orElseThrow().secret();
        String second = resolver.resolve("copilot").orElseThrow().secret();

        assertThat(copilot.exchanges()).isEqualTo(2);
        assertThat(second).isNotEqualTo(first).isEqualTo(copilot.issued().get(1));
    }

    @Test
    void aRefusedOAuthTokenIsRefreshedOnceAndTheExchangeRetried() {
        storeOAuthToken("gho_revoked0000000000000000000000000000");
        AtomicInteger refreshes = new AtomicInteger();
        TokenRefresher refresher = new TokenRefresher() {
            @Override
            public Optional<StoredCredential> ensureFresh(String provider, StoredCredential credential) {
                return Optional.of(credential);
            }

            @Override
            public Optional<StoredCredential> refreshRejected(String key, String rejectedSecret) {
                refreshes.incrementAndGet();
                storeOAuthToken(OAUTH_TOKEN);
                return store.get(key, dev.acp4j.auth.store.CredentialKind.OAUTH2);
            }
        };
        CredentialResolver resolver = resolver(copilotMethod(true), refresher);

        assertThat(resolver.resolve("copilot").orElseThrow().secret()).isEqualTo(copilot.issued().get(0));
        assertThat(refreshes).hasValue(1);
        assertThat(resolver.exchangeFailure("copilot")).isEmpty();
    }

    @Test
    void aRefusedExchangeLeavesNoCredentialAndSaysWhy() {
        storeOAuthToken(OAUTH_TOKEN);
        copilot.refuseWith(403);
        CredentialResolver resolver = resolver(copilotMethod(true), TokenRefresher.untilExpiry(clock));

        assertThat(resolver.resolve("copilot")).isEmpty();
        assertThat(resolver.exchangeFailure("copilot")).hasValueSatisfying(failure -> {
            assertThat(failure.refused()).isTrue();
            assertThat(failure.getMessage()).contains("HTTP 403: Refused by the test").doesNotContain(OAUTH_TOKEN);
        });

        copilot.refuseWith(0);
        assertThat(resolver.resolve("copilot")).isPresent();
        assertThat(resolver.exchangeFailure("copilot")).isEmpty();
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
