package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.server.it.ConfidentialProvider.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 3 and 4 for MCP servers, through {@code bin/acp4j}: an MCP server on a
 * self-signed certificate whose authorization server offers no dynamic registration. An
 * {@code mcpClients} entry gives the client id, its secret file and the certificate as
 * {@code caBundle}: the sign-in uses that client (the secret sent as the metadata asks), the MCP
 * HTTP client trusts the bundle, and the secret is in no output. Without the entry, the failure
 * says what to configure.
 */
class McpPreRegisteredClientLauncherIT extends LauncherTestBase {

    private static final String SECRET = "cs-mcp-7Yu3Io9Pa1Sd";
    private static final Map<String, Object> URL_CLIENT = Map.of("elicitation", Map.of("url", Map.of()));

    private SelfSignedCertificate certificate;
    private ConfidentialProvider provider;

    @BeforeEach
    void startProvider() throws Exception {
        certificate = SelfSignedCertificate.create(home, "mcp-ca");
        provider = new ConfidentialProvider(SECRET, List.of("client_secret_basic"), certificate.serverContext);
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private Path config(String mcpClients) throws Exception {
        Path config = home.resolve("mcp.json");
        Files.writeString(config, "{\"mcpClients\": " + mcpClients + "}");
        return config;
    }

    /** Runs {@code /mcp} in a session with the provider's MCP server; plays the user for an elicitation. */
    private String mcpTurn(AgentProcess agent) throws Exception {
        return mcpTurn(agent, provider);
    }

    private String mcpTurn(AgentProcess agent, ConfidentialProvider provider) throws Exception {
        agent.initialize(URL_CLIENT);
        String sessionId = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of(Map.of(
                "type", "http", "name", "corp", "url", provider.mcpServer().toString(), "headers", List.of()))))
                .at("/result/sessionId").asText();
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/mcp"))));
        List<JsonNode> turn = new ArrayList<>();
        JsonNode message;
        while ((message = agent.next(30_000)).has("method") || message.path("id").asLong() != id) {
            turn.add(message);
            if ("elicitation/create".equals(message.path("method").asText())) {
                agent.respond(message.get("id"), Map.of("action", "accept"));
                approve(URI.create(message.at("/params/url").asText()));
            }
        }
        assertThat(message.at("/result/stopReason").asText()).as(message.toString()).isEqualTo("end_turn");
        StringBuilder text = new StringBuilder();
        turn.forEach(m -> text.append(m.at("/params/update/content/text").asText()));
        agent.closeStdin();
        assertThat(agent.waitFor(30_000)).isTrue();
        return text.toString();
    }

    /** The user's browser: opens the authorization URL (the provider approves at once) and follows it home. */
    private void approve(URI authorizationUrl) throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(certificate.clientContext)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> approved = browser.send(HttpRequest.newBuilder(authorizationUrl).build(),
                HttpResponse.BodyHandlers.discarding());
        URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getHost()).isEqualTo("127.0.0.1");
        browser.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void anMcpClientsEntrySignsInWithoutRegistrationOverTheTrustOfItsCaBundle() throws Exception {
        Path secret = Files.writeString(home.resolve("mcp-secret"), SECRET);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path config = config("""
                [{"serverUrl": "%s", "clientId": "%s", "clientSecretFile": "%s", "caBundle": "%s"}]"""
                .formatted(provider.mcpServer(), ConfidentialProvider.CLIENT_ID, secret, certificate.pem));
        Path trace = home.resolve("trace.jsonl");
        AgentProcess agent = start(Map.of(), "--config", config.toString(), "--log-level", "trace",
                "--trace", trace.toString());

        String text = mcpTurn(agent);

        assertThat(text).as(agent.stderr()).contains("weather");
        assertThat(provider.requests()).containsExactly(new Request("/token", "authorization_code", "basic"));
        assertThat(provider.mcpAuthorizations()).first().isEqualTo("");
        assertThat(provider.mcpAuthorizations()).contains("Bearer " + ConfidentialProvider.ACCESS_TOKEN);
        assertThat(agent.stderr()).doesNotContain(SECRET);
        assertThat(String.join("\n", agent.stdoutLines())).doesNotContain(SECRET);
        assertThat(Files.readString(trace)).contains("elicitation/create").doesNotContain(SECRET);
        assertThat(Files.readString(home.resolve(".config/acp4j/credentials.json"))).doesNotContain(SECRET)
                .contains(ConfidentialProvider.CLIENT_ID);
    }

    @Test
    void withoutTheCaBundleTheMcpServerIsUnavailableWithATlsMessage() throws Exception {
        Path config = config("""
                [{"serverUrl": "%s", "clientId": "%s"}]""".formatted(provider.mcpServer(), ConfidentialProvider.CLIENT_ID));

        String text = mcpTurn(start(Map.of(), "--config", config.toString()));

        assertThat(text).contains("corp").contains("the TLS connection to it failed")
                .contains("give the server an mcpClients entry with that CA's certificate as caBundle")
                .doesNotContain("weather");
        assertThat(provider.requests()).isEmpty();
        assertThat(provider.mcpAuthorizations()).isEmpty();
    }

    @Test
    void withoutAnEntryAServerWithoutRegistrationSaysToConfigureMcpClients() throws Exception {
        try (ConfidentialProvider plain = new ConfidentialProvider(SECRET, List.of("client_secret_basic"), null)) {
            String text = mcpTurn(start(Map.of(), "--config", emptyConfig().toString()), plain);

            assertThat(text).contains("no client id is known for it; give one in the configuration's mcpClients");
            assertThat(plain.requests()).isEmpty();
        }
    }
}
