package dev.acp4j.server.it;

import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.auth.oauth.EmbeddedAuthorizationServer;
import dev.acp4j.testing.QueryString;
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
 * A remote MCP server that demands OAuth, through the real launcher: a real MCP server (MCP Java SDK)
 * guarded by tokens of a real Spring Authorization Server with open dynamic registration. The sign-in
 * happens on the first use ({@code /mcp}), never on {@code session/new}, through a session-scoped URL
 * elicitation that a scripted browser follows.
 */
class McpOAuthLauncherIT extends AuthorizationServerLauncherTestBase {

    private static final String AS_METADATA = "/.well-known/oauth-authorization-server/tenant";

    private ProtectedMcpServer mcp;

    @BeforeEach
    void startMcpServer() throws Exception {
        mcp = ProtectedMcpServer.start(issuer, SCOPE);
    }

    @AfterEach
    void stopMcpServer() throws Exception {
        mcp.close();
    }

    @Test
    void signsInOnFirstUseThroughASessionScopedElicitationAndANewProcessReusesTheToken() throws Exception {
        int registrationsBefore = EmbeddedAuthorizationServer.registrations();
        long asMetadataBefore = asMetadataFetches();
        // debug: the check that no token reaches stderr then covers the most verbose logs, the SDK's included
        AgentProcess agent = start(Map.of(), "--log-level", "debug", "--config", emptyConfig().toString());
        agent.initialize(URL_CLIENT);
        List<JsonNode> beforeSession = new ArrayList<>();
        JsonNode created = agent.collectUntilResponse(agent.request("session/new", sessionParams()), beforeSession);
        String sessionId = created.at("/result/sessionId").asText();
        assertThat(sessionId).isNotEmpty();
        assertThat(beforeSession).noneMatch(m -> "elicitation/create".equals(m.path("method").asText()));
        assertThat(EmbeddedAuthorizationServer.registrations()).as("no registration on session/new").isEqualTo(registrationsBefore);
        assertThat(mcp.requests).as("the MCP server is not touched on session/new").isEmpty();

        long prompt = agent.request("session/prompt", prompt(sessionId));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 30_000);
        assertThat(elicitation.at("/params/mode").asText()).isEqualTo("url");
        assertThat(elicitation.at("/params/sessionId").asText()).isEqualTo(sessionId);
        assertThat(elicitation.at("/params/requestId").isMissingNode()).as("session-scoped, not request-scoped").isTrue();
        assertThat(elicitation.at("/params/message").asText()).contains(mcp.url().toString());
        URI authorizationUrl = URI.create(elicitation.at("/params/url").asText());
        assertThat(authorizationUrl.toString()).startsWith(issuer + "/oauth2/authorize?");
        assertThat(mcp.count(mcp.metadataUrl().getRawPath())).as("protected resource metadata fetched").isEqualTo(1);
        assertThat(asMetadataFetches() - asMetadataBefore).as("authorization server metadata fetched").isEqualTo(1);
        assertThat(EmbeddedAuthorizationServer.registrations() - registrationsBefore).as("one registration").isEqualTo(1);
        Map<String, String> query = QueryString.of(authorizationUrl);
        assertThat(query).containsEntry("resource", mcp.url().toString()).containsEntry("code_challenge_method", "S256");
        acceptAndSignIn(agent, elicitation);

        List<JsonNode> during = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(prompt, during);
        assertThat(answer.at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(during).anyMatch(m -> "elicitation/complete".equals(m.path("method").asText())
                && m.at("/params/elicitationId").asText().equals(elicitation.at("/params/elicitationId").asText()));
        assertThat(text(during)).contains("2 tools").contains("- " + ProtectedMcpServer.TOOL + " — "
                + ProtectedMcpServer.TOOL_DESCRIPTION).contains("- " + ProtectedMcpServer.SECOND_TOOL);
        assertThat(EmbeddedAuthorizationServer.RESOURCE_PARAMETERS)
                .contains("/tenant/oauth2/authorize " + mcp.url(), "/tenant/oauth2/token " + mcp.url());

        Path store = home.resolve(".config/acp4j/credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        JsonNode stored = AgentProcess.JSON.readTree(store.toFile()).at("/credentials/mcp:" + mcp.url().toString().replace("/", "~1"));
        assertThat(stored.path("kind").asText()).isEqualTo("OAUTH2");
        assertThat(stored.at("/attributes/resource").asText()).isEqualTo(mcp.url().toString());
        assertThat(stored.at("/attributes/clientId").asText()).isEqualTo(lastRegistration());
        String token = stored.path("secret").asText();
        assertThat(mcp.acceptedTokens).contains(token);
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();

        // A new process with the same HOME: the stored token, no elicitation, no registration.
        int registrationsAfterFirst = EmbeddedAuthorizationServer.registrations();
        AgentProcess second = start(Map.of(), "--config", emptyConfig().toString());
        second.initialize(URL_CLIENT);
        String secondSession = second.call("session/new", sessionParams()).at("/result/sessionId").asText();
        List<JsonNode> secondTurn = new ArrayList<>();
        JsonNode secondAnswer = second.collectUntilResponse(second.request("session/prompt", prompt(secondSession)), secondTurn);
        assertThat(secondAnswer.at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(secondTurn).noneMatch(m -> m.path("method").asText().startsWith("elicitation/"));
        assertThat(text(secondTurn)).contains("2 tools").contains("- " + ProtectedMcpServer.TOOL);
        assertThat(EmbeddedAuthorizationServer.registrations()).isEqualTo(registrationsAfterFirst);
        second.closeStdin();
        assertThat(second.waitFor(10_000)).isTrue();

        // The server stops taking the stored token: the next use signs in again, with the stored client id.
        replaceSecret(store, "mcp:" + mcp.url(), "no-longer-accepted");
        McpTurn again = mcpTurnUntilElicitation();
        AgentProcess third = again.agent();
        acceptAndSignIn(third, again.elicitation());
        List<JsonNode> thirdTurn = new ArrayList<>();
        assertThat(third.collectUntilResponse(again.prompt(), thirdTurn).at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(text(thirdTurn)).contains("2 tools");
        assertThat(EmbeddedAuthorizationServer.registrations()).as("the stored client id is reused")
                .isEqualTo(registrationsAfterFirst);
        String newToken = AgentProcess.JSON.readTree(store.toFile()).at("/credentials/mcp:"
                + mcp.url().toString().replace("/", "~1") + "/secret").asText();
        assertThat(newToken).isNotEqualTo("no-longer-accepted").isNotEqualTo(token);

        for (AgentProcess process : List.of(agent, second, third)) {
            for (String secret : List.of(token, newToken)) {
                assertThat(String.join("\n", process.stdoutLines())).doesNotContain(secret);
                assertThat(process.stderr()).doesNotContain(secret);
            }
        }
    }

    @Test
    void cancellingTheTurnDuringTheSignInEndsItCancelled() throws Exception {
        McpTurn turn = mcpTurnUntilElicitation();
        turn.agent().respond(turn.elicitation().get("id"), Map.of("action", "accept"));

        turn.agent().notify("session/cancel", Map.of("sessionId", turn.sessionId()));

        assertThat(turn.agent().awaitResponse(turn.prompt()).at("/result/stopReason").asText()).isEqualTo("cancelled");
        assertThat(mcp.requests).noneMatch(r -> r.endsWith(" bearer"));
    }

    @Test
    void aDeclinedSignInReportsTheServerUnavailableAndTheTurnEndsNormally() throws Exception {
        McpTurn turn = mcpTurnUntilElicitation();
        AgentProcess agent = turn.agent();
        assertThat(turn.elicitation().at("/params/sessionId").asText()).isEqualTo(turn.sessionId());
        agent.respond(turn.elicitation().get("id"), Map.of("action", "decline"));

        List<JsonNode> during = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(turn.prompt(), during);
        assertThat(answer.at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(text(during)).contains("is unavailable").contains("declined");
        assertThat(agent.stderr()).as("the expected 401 is no warning with a stack trace")
                .doesNotContain("McpHttpClientTransportAuthorizationException");
        assertThat(during).noneMatch(m -> "elicitation/complete".equals(m.path("method").asText()));
        assertThat(mcp.requests).noneMatch(r -> r.endsWith(" bearer"));
        Path store = home.resolve(".config/acp4j/credentials.json");
        assertThat(!Files.exists(store) || AgentProcess.JSON.readTree(store.toFile()).path("credentials").isEmpty())
                .as("nothing stored").isTrue();
    }

    @Test
    void aCancelledSignInIsReportedAsCancelledNotDeclined() throws Exception {
        McpTurn turn = mcpTurnUntilElicitation();
        AgentProcess agent = turn.agent();
        agent.respond(turn.elicitation().get("id"), Map.of("action", "cancel"));

        List<JsonNode> during = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(turn.prompt(), during);
        assertThat(answer.at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(text(during)).contains("is unavailable").contains("cancelled").doesNotContain("declined");
        assertThat(mcp.requests).noneMatch(r -> r.endsWith(" bearer"));
    }

    @Test
    void aClientWithoutUrlElicitationGetsTheServerReportedUnavailableWithoutARegistration() throws Exception {
        int registrationsBefore = EmbeddedAuthorizationServer.registrations();
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.call("session/new", sessionParams()).at("/result/sessionId").asText();
        List<JsonNode> during = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(agent.request("session/prompt", prompt(sessionId)), during);

        assertThat(answer.at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(text(during)).contains("is unavailable").contains("elicitation.url");
        assertThat(during).noneMatch(m -> m.path("method").asText().startsWith("elicitation/"));
        assertThat(EmbeddedAuthorizationServer.registrations()).isEqualTo(registrationsBefore);
    }

    /** A {@code /mcp} turn of a new process, and the elicitation it sent. */
    private record McpTurn(AgentProcess agent, String sessionId, long prompt, JsonNode elicitation) {
    }

    private McpTurn mcpTurnUntilElicitation() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(URL_CLIENT);
        String sessionId = agent.call("session/new", sessionParams()).at("/result/sessionId").asText();
        long prompt = agent.request("session/prompt", prompt(sessionId));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 30_000);
        return new McpTurn(agent, sessionId, prompt, elicitation);
    }

    /** Accepts the elicitation and, as the user, signs in at its URL; the browser lands on the agent's redirect. */
    private static void acceptAndSignIn(AgentProcess agent, JsonNode elicitation) throws Exception {
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));
        URI authorizationUrl = URI.create(elicitation.at("/params/url").asText());
        String redirectUri = QueryString.of(authorizationUrl).get("redirect_uri");
        Map<String, String> redirect = browser.authorize(authorizationUrl, redirectUri);
        HttpResponse<String> landing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                redirectUri + "?" + toQuery(redirect))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).isEqualTo(200);
    }

    /** Replaces a stored token in the file, as a revocation elsewhere would make it useless. */
    private static void replaceSecret(Path store, String key, String secret) throws Exception {
        JsonNode root = AgentProcess.JSON.readTree(store.toFile());
        ((ObjectNode) root.path("credentials").path(key)).put("secret", secret);
        Files.writeString(store, root.toString());
    }

    private Map<String, Object> sessionParams() {
        return Map.of("cwd", home.toString(), "mcpServers", List.of(Map.of("type", "http", "name", "weather-server",
                "url", mcp.url().toString(), "headers", List.of())));
    }

    private static Map<String, Object> prompt(String sessionId) {
        return Map.of("sessionId", sessionId, "prompt", List.of(Map.of("type", "text", "text", "/mcp")));
    }

    private static String text(List<JsonNode> messages) {
        StringBuilder text = new StringBuilder();
        messages.stream().filter(m -> "session/update".equals(m.path("method").asText()))
                .forEach(m -> text.append(m.at("/params/update/content/text").asText()));
        return text.toString();
    }

    private static long asMetadataFetches() {
        return EmbeddedAuthorizationServer.REQUEST_PATHS.stream().filter(AS_METADATA::equals).count();
    }

    private static String lastRegistration() {
        List<String> registered = EmbeddedAuthorizationServer.registeredClientIds();
        return registered.get(registered.size() - 1);
    }

    private static String toQuery(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }
}
