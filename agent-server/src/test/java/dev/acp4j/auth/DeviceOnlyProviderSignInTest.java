package dev.acp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.oauth.GitHubShapedServer;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.jsonrpc.CancellationToken;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider with only a device authorization and a token endpoint (GitHub style), through {@link OAuthSignIn}. */
class DeviceOnlyProviderSignInTest {

    @TempDir
    Path dir;

    private GitHubShapedServer github;

    @BeforeEach
    void start() throws Exception {
        github = new GitHubShapedServer();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private AuthMethodConfig method(Duration timeout) {
        return AuthMethodConfig.oauth2("github", "Sign in with GitHub").flow("device_code")
                .clientId(GitHubShapedServer.CLIENT_ID).scopes(List.of("read:user"))
                .deviceAuthorizationEndpoint(github.deviceAuthorizationEndpoint().toString())
                .tokenEndpoint(github.tokenEndpoint().toString())
                .timeout(timeout).build();
    }

    @Test
    void signsInWithoutIssuerOrAuthorizationEndpointAndStoresTheToken() throws Exception {
        github.queueErrors("authorization_pending");
        CredentialStore store = new CredentialStore(dir.resolve("credentials.json"));
        List<String> shown = new ArrayList<>();

        new OAuthSignIn(store, Clock.systemUTC(), Map.of(), AgentIdentity.ACP4J).signIn(method(Duration.ofMinutes(1)),
                (url, message) -> {
                    shown.add(url + " " + message);
                    return UserPrompt.shown();
                }, new CancellationToken(), Duration.ofMinutes(1), IllegalStateException::new);

        assertThat(shown).singleElement().asString().startsWith(github.deviceAuthorizationEndpoint().resolve("/login/device")
                .toString()).contains(GitHubShapedServer.USER_CODE).contains("127.0.0.1");
        StoredCredential stored = store.get("github", CredentialKind.OAUTH2).orElseThrow();
        assertThat(stored.secret()).isEqualTo(GitHubShapedServer.ACCESS_TOKEN);
        assertThat(stored.expiresAt()).isNull();
        assertThat(github.tokenRequestAccepts()).containsOnly("application/json");
    }

    @Test
    void aTimeoutUnderAMinuteIsWordedInSeconds() {
        github.queueErrors("authorization_pending", "authorization_pending", "authorization_pending",
                "authorization_pending", "authorization_pending");
        CredentialStore store = new CredentialStore(dir.resolve("credentials.json"));
        Duration timeout = Duration.ofSeconds(2);

        assertThatThrownBy(() -> new OAuthSignIn(store, Clock.systemUTC(), Map.of(), AgentIdentity.ACP4J)
                .signIn(method(timeout), (url, message) -> UserPrompt.shown(), new CancellationToken(), timeout,
                        failure -> new IllegalStateException(failure instanceof TimeoutException
                                ? "no sign-in within " + Interaction.describe(timeout) : failure.toString())))
                .hasMessage("no sign-in within 2 seconds");
        assertThat(Interaction.describe(Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(Interaction.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Interaction.describe(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(Interaction.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(Interaction.describe(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(store.get("github", CredentialKind.OAUTH2)).isEmpty();
    }
}
