package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5 through {@code bin/acp4j}: {@code --login} and {@code authenticate} try the
 * stored refresh token once before any interactive sign-in; {@code --login} on a usable credential
 * says "already signed in" unless {@code --force}. The token endpoint counts the grants it sees.
 */
class RefreshBeforeLoginLauncherIT extends LauncherTestBase {

    private static final String OLD_TOKEN = "at-old-4f6a8c0e2b4d6f8a";
    private static final String REFRESH_TOKEN = "rt-7b9d1f3a5c7e9b1d";

    private HttpServer tokenEndpoint;
    private final AtomicInteger refreshGrants = new AtomicInteger();
    private final AtomicInteger otherGrants = new AtomicInteger();
    private Path config;

    @BeforeEach
    void start() throws Exception {
        tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        tokenEndpoint.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String body;
            if (form.contains("grant_type=refresh_token") && form.contains("refresh_token=" + REFRESH_TOKEN)) {
                int n = refreshGrants.incrementAndGet();
                body = "{\"access_token\":\"at-new-" + n + "-9c1e3a5b\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
            } else {
                otherGrants.incrementAndGet();
                body = "{\"error\":\"invalid_grant\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.contains("error") ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        tokenEndpoint.start();
        String base = "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort();
        config = home.resolve("corp.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "corp", "type": "oauth2", "name": "Sign in with Corp", "clientId": "acp4j-cli",
                  "flow": "authorization_code", "authorizationEndpoint": "%s/authorize", "tokenEndpoint": "%s/token",
                  "timeoutSeconds": 1}]}""".formatted(base, base));
    }

    @AfterEach
    void stop() {
        tokenEndpoint.stop(0);
    }

    private CredentialStore store() {
        return new CredentialStore(home.resolve(".config/acp4j/credentials.json"));
    }

    private void storeToken(Instant expiresAt) {
        store().put(StoredCredential.oauth2("corp", "corp", OLD_TOKEN, REFRESH_TOKEN, expiresAt, Instant.now(),
                Map.of(OAuthSignIn.CLIENT_ID, "acp4j-cli",
                        OAuthSignIn.TOKEN_ENDPOINT, "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token")));
    }

    @Test
    void loginWithAnExpiredTokenRefreshesItOnceInsteadOfSigningIn() throws Exception {
        storeToken(Instant.now().minusSeconds(60));

        AgentProcess login = login("--login", "corp");

        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains("Already signed in to corp: a refreshed OAuth token")
                .contains("--login corp --force").doesNotContain("/authorize").doesNotContain(REFRESH_TOKEN);
        assertThat(refreshGrants).hasValue(1);
        assertThat(otherGrants).hasValue(0);
        assertThat(store().get("corp", CredentialKind.OAUTH2)).map(StoredCredential::secret).contains("at-new-1-9c1e3a5b");
    }

    @Test
    void loginWithAUsableTokenSaysSoWithoutAnyGrantUnlessForced() throws Exception {
        storeToken(Instant.now().plus(Duration.ofHours(2)));

        AgentProcess login = login("--login", "corp");
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains("Already signed in to corp: an OAuth token from 'corp', valid until");
        assertThat(refreshGrants).hasValue(0);

        AgentProcess forced = login("--login", "corp", "--force");
        assertThat(forced.exitCode()).as("the forced sign-in waited for a browser that never came").isEqualTo(1);
        assertThat(forced.stderr()).contains("/authorize?").contains("no sign-in within 1 second")
                .doesNotContain("Already signed in");
        assertThat(refreshGrants).hasValue(0);

        AgentProcess stray = login("--force");
        assertThat(stray.exitCode()).isEqualTo(2);
        assertThat(stray.stderr()).contains("--force goes with --login");
    }

    @Test
    void authenticateRefreshesAnExpiredTokenOnceWithoutAnElicitation() throws Exception {
        storeToken(Instant.now().minusSeconds(60));
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(Map.of("elicitation", Map.of("url", Map.of())));

        JsonNode answer = agent.call("authenticate", Map.of("methodId", "corp"));

        assertThat(answer.get("result")).as(answer.toString()).isNotNull();
        agent.newSession(home);
        assertThat(refreshGrants).hasValue(1);
        assertThat(otherGrants).hasValue(0);
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(String.join("\n", agent.stdoutLines())).doesNotContain("elicitation/create")
                .doesNotContain(REFRESH_TOKEN).doesNotContain("at-new-1");
    }

    private AgentProcess login(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        AgentProcess login = start(Map.of("ACP4J_NO_BROWSER", "1"), all.toArray(String[]::new));
        skipTranscriptCheck(login);
        login.closeStdin();
        assertThat(login.waitFor(20_000)).as("exits").isTrue();
        return login;
    }
}
