package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.testing.QueryString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's acceptance: OAuth 2 sign-in through URL-mode elicitation against a real
 * authorization server (mock-oauth2-server on 127.0.0.1), through the real launcher.
 */
class OAuthLauncherIT extends LauncherTestBase {

    private static final Map<String, Object> URL_CLIENT = Map.of("elicitation", Map.of("url", Map.of()));
    private static MockOAuth2Server server;
    private static URI issuer;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Path config;

    private static MockIssuer authorizationServer;

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        authorizationServer = MockIssuer.start();
        server = authorizationServer.server;
        issuer = authorizationServer.issuer;
    }

    @AfterAll
    static void stopAuthorizationServer() {
        authorizationServer.close();
    }

    @BeforeEach
    void writeConfig() throws Exception {
        drainRequests();
        config = home.resolve("oauth.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "example-oauth", "type": "oauth2", "name": "Sign in with Example", "provider": "example",
                   "issuer": "%s", "clientId": "acp4j-test", "scopes": ["openid", "offline_access"],
                   "flow": "authorization_code"}
                ]}""".formatted(issuer));
    }

    @Test
    void signsInWithPkceRefreshesSilentlyAndRevokesOnLogout() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        AgentProcess agent = start(Map.of(), "--config", config.toString(), "--trace", trace.toString());
        agent.initialize(URL_CLIENT);
        JsonNode refused = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(refused.at("/error/data/availableMethodIds").toString()).contains("example-oauth");

        long authId = agent.request("authenticate", Map.of("methodId", "example-oauth"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 15_000);
        assertThat(elicitation.at("/params/mode").asText()).isEqualTo("url");
        assertThat(elicitation.at("/params/requestId").asLong()).isEqualTo(authId);
        String url = elicitation.at("/params/url").asText();
        assertThat(url).startsWith(issuer + "/authorize?");
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        URI redirect = URI.create(browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow());
        assertThat(redirect.toString()).startsWith("http://127.0.0.1:");
        HttpResponse<String> landing = browser.send(HttpRequest.newBuilder(redirect).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).containsIgnoringCase("close this tab");

        JsonNode complete = agent.await(m -> "elicitation/complete".equals(m.path("method").asText()), 15_000);
        assertThat(complete.at("/params/elicitationId").asText()).isEqualTo(elicitation.at("/params/elicitationId").asText());
        assertThat(agent.awaitResponse(authId).get("result").isObject()).isTrue();
        agent.newSession(home);

        Map<String, String> authorize = QueryString.of(URI.create(url));
        assertThat(authorize).containsEntry("code_challenge_method", "S256").containsKey("state")
                .containsKey("code_challenge");
        assertThat(authorize.get("redirect_uri")).startsWith("http://127.0.0.1:");
        Map<String, String> tokenRequest = requestWith("grant_type", "authorization_code");
        assertThat(s256(tokenRequest.get("code_verifier"))).as("the verifier matches the challenge")
                .isEqualTo(authorize.get("code_challenge"));

        Path store = home.resolve(".config/acp4j/credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        JsonNode stored = AgentProcess.JSON.readTree(store.toFile()).at("/credentials/example");
        String accessToken = stored.get("secret").asText();
        String refreshToken = stored.get("refreshToken").asText();
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        for (String secret : List.of(accessToken, refreshToken, tokenRequest.get("code_verifier"), tokenRequest.get("code"))) {
            assertThat(String.join("\n", agent.stdoutLines())).doesNotContain(secret);
            assertThat(agent.stderr()).doesNotContain(secret);
            assertThat(Files.readString(trace)).doesNotContain(secret);
        }

        ObjectNode root = (ObjectNode) AgentProcess.JSON.readTree(store.toFile());
        ((ObjectNode) root.at("/credentials/example")).put("expiresAt", Instant.now().plusSeconds(60).toString());
        Files.writeString(store, root.toString());
        drainRequests();
        AgentProcess next = start(Map.of(), "--config", config.toString());
        next.initialize(URL_CLIENT);
        next.newSession(home);
        assertThat(requestWith("grant_type", "refresh_token")).containsEntry("refresh_token", refreshToken);
        JsonNode refreshed = AgentProcess.JSON.readTree(store.toFile()).at("/credentials/example");
        assertThat(refreshed.get("secret").asText()).isNotEqualTo(accessToken);
        assertThat(Instant.parse(refreshed.get("expiresAt").asText())).isAfter(Instant.now().plusSeconds(600));

        drainRequests();
        assertThat(next.call("logout", Map.of()).get("result").isObject()).isTrue();
        assertThat(seenPaths()).anyMatch(path -> path.endsWith("/revoke"));
        JsonNode after = next.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(after.at("/error/code").asInt()).isEqualTo(-32000);
        next.closeStdin();
        assertThat(next.waitFor(10_000)).isTrue();
        assertThat(next.stderr()).doesNotContain(refreshToken);
    }

    @Test
    void aDeclineOrAClientWithoutUrlElicitationFailsAtOnce() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(URL_CLIENT);
        long authId = agent.request("authenticate", Map.of("methodId", "example-oauth"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 15_000);
        long declinedAt = System.nanoTime();
        agent.respond(elicitation.get("id"), Map.of("action", "decline"));
        JsonNode declined = agent.awaitResponse(authId);
        assertThat(declined.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - declinedAt)).isLessThan(5_000);

        AgentProcess plain = start(Map.of(), "--config", config.toString());
        plain.initialize(Map.of());
        long startedAt = System.nanoTime();
        JsonNode refused = plain.call("authenticate", Map.of("methodId", "example-oauth"));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)).isLessThan(5_000);
        assertThat(plain.poll(300)).as("no elicitation toward a client without elicitation.url").isNull();
    }

    private static void drainRequests() {
        while (take(50) != null) {
            // forget what earlier tests caused
        }
    }

    private static RecordedRequest take(long millis) {
        try {
            return server.takeRequest(millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> seenPaths() {
        List<String> paths = new ArrayList<>();
        RecordedRequest request;
        while ((request = take(2_000)) != null) {
            paths.add(request.getPath());
        }
        return paths;
    }

    /** The form of the first request the server saw with {@code name=value}. */
    private static Map<String, String> requestWith(String name, String value) {
        RecordedRequest request;
        while ((request = take(5_000)) != null) {
            String body = request.getBody().readUtf8();
            Map<String, String> form = QueryString.parse(body);
            if (value.equals(form.get(name))) {
                return form;
            }
        }
        throw new AssertionError("the authorization server saw no request with " + name + "=" + value);
    }


    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
