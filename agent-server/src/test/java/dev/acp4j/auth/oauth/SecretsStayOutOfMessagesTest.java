package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No toString or exception message carries a token, code, verifier or device code. */
class SecretsStayOutOfMessagesTest {

    private static final URI BASE = URI.create("http://127.0.0.1:1");
    private static final OAuthEndpoints ENDPOINTS = AuthorizationServerDiscovery.explicit(
            BASE.resolve("/authorize"), BASE.resolve("/token"), BASE.resolve("/device"), BASE.resolve("/revoke"));

    @Test
    void tokenSetRedactsBothTokens() {
        TokenSet tokens = new TokenSet("access-SECRET-1", "refresh-SECRET-2", Instant.EPOCH, "Bearer", "openid");

        assertThat(tokens.toString())
                .doesNotContain("SECRET")
                .contains("Bearer", "openid", "1970-01-01T00:00:00Z");
    }

    @Test
    void authorizationRequestStateRedactsTheVerifier() {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequestState state = new AuthorizationRequestState(URI.create("http://127.0.0.1:1/authorize?x=1"),
                new State(), verifier, ENDPOINTS, "cli", BASE.resolve("/cb"), null);

        assertThat(state.toString()).doesNotContain(verifier.getValue()).contains("<redacted>");
        assertThat(new AuthorizationCodeFlow().start(ENDPOINTS, "cli", List.of("openid"), BASE.resolve("/cb"), null)
                .toString()).contains("codeVerifier=<redacted>");
    }

    @Test
    void aPastedCodeIsRedactedAndNoMessageAboutItQuotesIt() {
        PastedCode pasted = PastedCode.parse("code-SECRET-8#state-SECRET-9");

        assertThat(pasted.toString()).doesNotContain("SECRET");
        assertThat(pasted.stateProblem("other")).doesNotContain("SECRET");
        for (String bad : List.of("#state-SECRET-9", "code-SECRET-8\u00e9", "https://x.example/cb?error=SECRET-1",
                "https://x.example/cb?nope=SECRET-1")) {
            assertThat(capture(() -> PastedCode.parse(bad)).getMessage()).as(bad).doesNotContain("SECRET");
        }
    }

    @Test
    void deviceAuthorizationRedactsTheDeviceCode() {
        DeviceAuthorization authorization = new DeviceAuthorization("device-SECRET-3", "ABCD-EFGH",
                URI.create("https://example.com/device"), null, Instant.EPOCH, Duration.ofSeconds(5), ENDPOINTS, "cli");

        assertThat(authorization.toString()).doesNotContain("SECRET").contains("ABCD-EFGH");
    }

    @Test
    void failedRequestsNameTheEndpointButNoneOfTheSecretsSent() {
        // Nothing listens on port 1: every request fails to connect.
        AuthorizationRequestState state = new AuthorizationCodeFlow()
                .start(ENDPOINTS, "cli", List.of("openid"), BASE.resolve("/cb"), null);
        List<RuntimeException> failures = List.of(
                capture(() -> new AuthorizationCodeFlow().exchange(state,
                        java.util.Map.of("state", state.state(), "code", "code-SECRET-4"))),
                capture(() -> new TokenRefresh().refresh(ENDPOINTS, "cli", "refresh-SECRET-5", null)),
                capture(() -> new TokenRevocation().revoke(ENDPOINTS, "cli", "access-SECRET-6", false)),
                capture(() -> new DeviceAuthorizationFlow().poll(new DeviceAuthorization("device-SECRET-7", "U",
                        BASE, null, Instant.MAX, Duration.ofSeconds(5), ENDPOINTS, "cli"), () -> false, d -> { })));

        assertThat(failures).allSatisfy(e -> {
            assertThat(e).isInstanceOf(OAuthException.class);
            assertThat(e.getMessage()).doesNotContain("SECRET").contains("http://127.0.0.1:1/");
            assertThat(e.toString()).doesNotContain("SECRET");
        });
    }

    @Test
    void aConfidentialClientsSecretIsInNoToStringAndNoFailure(@TempDir Path dir) throws Exception {
        Path secretFile = Files.writeString(dir.resolve("secret"), "client-SECRET-8\n");
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
        List<OAuthClient> clients = List.of(
                OAuthClient.of("cli", secretFile.toString(), "client_secret_basic", null),
                OAuthClient.of("cli", secretFile.toString(), "client_secret_post", null),
                OAuthClient.of("cli", secretFile.toString(), null, null).forServer(ENDPOINTS));
        for (OAuthClient client : clients) {
            assertThat(client.toString() + client.attributes()).doesNotContain("SECRET").contains(secretFile.toString());
            AuthorizationRequestState state = new AuthorizationCodeFlow()
                    .start(ENDPOINTS, "cli", List.of("openid"), BASE.resolve("/cb"), null);
            List<RuntimeException> failures = List.of(
                    capture(() -> new AuthorizationCodeFlow().exchange(state,
                            java.util.Map.of("state", state.state(), "code", "code-SECRET-4"), client)),
                    capture(() -> new TokenRefresh().refresh(ENDPOINTS, client, "refresh-SECRET-5", null)),
                    capture(() -> new TokenRevocation().revoke(ENDPOINTS, client, "access-SECRET-6", false)),
                    capture(() -> new DeviceAuthorizationFlow().start(ENDPOINTS, client, List.of())),
                    capture(() -> new DeviceAuthorizationFlow().poll(new DeviceAuthorization("device-SECRET-7", "U",
                            BASE, null, Instant.MAX, Duration.ofSeconds(5), ENDPOINTS, "cli"), client, () -> false, d -> { })));
            assertThat(failures).allSatisfy(e -> {
                assertThat(e).isInstanceOf(OAuthException.class);
                assertThat(e.getMessage()).doesNotContain("SECRET").contains("http://127.0.0.1:1/");
                assertThat(e.toString()).doesNotContain("SECRET");
            });
        }
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedByNameAndModeNeverByContent(@TempDir Path dir) throws Exception {
        Path secretFile = Files.writeString(dir.resolve("secret"), "client-SECRET-9");
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(ClientSecretFile.problem(secretFile)).isEqualTo("clientSecretFile " + secretFile
                + " is readable by others than you (mode 640); make it private: chmod 600 " + secretFile);
        RuntimeException refused = capture(() -> new TokenRefresh().refresh(ENDPOINTS,
                OAuthClient.of("cli", secretFile.toString(), null, null).forServer(ENDPOINTS), "refresh-SECRET-5", null));
        assertThat(refused).isInstanceOf(IllegalArgumentException.class);
        assertThat(refused.getMessage()).doesNotContain("SECRET").contains("mode 640");
    }

    @Test
    void serverErrorsCarryTheServersWordsNotTheRequest() {
        assertThat(new InvalidGrantException("Token is not active").getMessage())
                .isEqualTo("invalid_grant: Token is not active");
        assertThat(new OAuthException(null, null).getMessage()).isEqualTo("OAuth failure");
    }

    private static RuntimeException capture(ThrowingRunnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
