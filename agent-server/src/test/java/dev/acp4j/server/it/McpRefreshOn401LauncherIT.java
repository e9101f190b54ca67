package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.acp4j.auth.AgentCredentials;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An MCP server that answers 401 to a stored token that has not expired: acp4j tries the stored
 * refresh token once and retries with the new token, with no new sign-in (no elicitation). The
 * MCP server is a minimal streamable-HTTP one (JSON answers) written here; the token endpoint counts grants.
 */
class McpRefreshOn401LauncherIT extends LauncherTestBase {

    private static final String REJECTED = "at-rejected-3b5d7f9a1c";
    private static final String RENEWED = "at-renewed-8e6c4a2f0d";
    private static final String REFRESH_TOKEN = "rt-mcp-5a7c9e1b3d";

    private HttpServer server;
    private final AtomicInteger refreshGrants = new AtomicInteger();
    private final List<String> bearers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (form.contains("grant_type=refresh_token") && form.contains("refresh_token=" + REFRESH_TOKEN)) {
                refreshGrants.incrementAndGet();
                JsonReply.send(exchange, 200, "{\"access_token\":\"" + RENEWED + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } else {
                JsonReply.send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            }
        });
        server.createContext("/mcp", this::mcp);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void mcp(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        bearers.add(authorization == null ? "" : authorization);
        GuardedMcpEndpoint.handle(exchange, RENEWED, base() + "/.well-known/oauth-protected-resource/mcp", "scripted-mcp", "weather");
    }


    @Test
    void aRejectedTokenIsRefreshedOnceAndTheCallRetriedWithoutASignIn() throws Exception {
        String url = base() + "/mcp";
        Instant now = Instant.now();
        new CredentialStore(home.resolve(".config/acp4j/credentials.json")).put("mcp:" + url,
                StoredCredential.oauth2(url, "mcp-oauth", REJECTED, REFRESH_TOKEN, now.plus(Duration.ofHours(1)), now,
                        Map.of(OAuthSignIn.CLIENT_ID, "acp4j-mcp", OAuthSignIn.TOKEN_ENDPOINT, base() + "/token",
                                OAuthSignIn.RESOURCE, url, "issuer", base(), AgentCredentials.AGENT_ATTRIBUTE, "acp4j")));

        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of("elicitation", Map.of("url", Map.of())));
        String sessionId = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of(Map.of(
                "type", "http", "name", "scripted", "url", url, "headers", List.of())))).at("/result/sessionId").asText();
        List<JsonNode> turn = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/mcp")))), turn);

        assertThat(answer.at("/result/stopReason").asText()).as(answer.toString()).isEqualTo("end_turn");
        assertThat(turn).noneMatch(m -> m.path("method").asText().startsWith("elicitation/"));
        StringBuilder text = new StringBuilder();
        turn.forEach(m -> text.append(m.at("/params/update/content/text").asText()));
        assertThat(text).contains("weather");
        assertThat(refreshGrants).hasValue(1);
        assertThat(bearers).first().isEqualTo("Bearer " + REJECTED);
        assertThat(bearers).contains("Bearer " + RENEWED);
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(String.join("\n", agent.stdoutLines()) + agent.stderr()).doesNotContain(REJECTED)
                .doesNotContain(RENEWED).doesNotContain(REFRESH_TOKEN);
    }
}
