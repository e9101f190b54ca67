package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 9, through {@code bin/acp4j} with two providers, Alpha and Beta: the configuration
 * maps the built-in agent's {@code model} values to them ({@code configOptionProviders}), so a
 * session needs Beta's credential while its model is {@code acp4j-mini} (the default) and Alpha's
 * with {@code acp4j-max}. AUTH_REQUIRED lists and names only the provider missing; {@code /signin}
 * ({@code turn.signIn}) signs in mid-turn through a session-scoped URL elicitation; with
 * {@code mcpSignIn: "eager"} the sign-in to an MCP server starts at {@code session/new}.
 */
class ProviderGateLauncherIT extends LauncherTestBase {

    private static final Map<String, Object> URL_CLIENT = Map.of("elicitation", Map.of("url", Map.of()));
    private static final String ALPHA_KEY = "sk-alpha-4c2e6a8f0b1d3e5a7c9b";
    private static final String BETA_KEY = "sk-beta-9d7b5f3a1c0e8d6b4a2f";
    private static final String MCP_TOKEN = "at-mcp-eager-6f4d2b0a8e";

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = writeConfig("two-providers.json", "");
    }

    private Path writeConfig(String name, String more) throws IOException {
        return Files.writeString(home.resolve(name), """
                {"authMethods": [
                  {"id": "alpha-page", "type": "api_key_page", "name": "Enter an Alpha API key",
                   "provider": "alpha", "providerName": "Alpha"},
                  {"id": "alpha-env", "type": "env_var", "name": "Alpha key from the environment",
                   "provider": "alpha", "providerName": "Alpha", "vars": [{"name": "ALPHA_API_KEY"}]},
                  {"id": "beta-page", "type": "api_key_page", "name": "Enter a Beta API key",
                   "provider": "beta", "providerName": "Beta"},
                  {"id": "beta-env", "type": "env_var", "name": "Beta key from the environment",
                   "provider": "beta", "providerName": "Beta", "vars": [{"name": "BETA_API_KEY"}]}
                ],
                "configOptionProviders": {"model": {"acp4j-mini": "beta", "acp4j-max": "alpha"}},
                "elicitationTimeoutSeconds": 30%s}""".formatted(more));
    }

    private JsonNode newSession(AgentProcess agent) throws Exception {
        return agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
    }

    private static Map<String, Object> prompt(String sessionId, String text) {
        return Map.of("sessionId", sessionId, "prompt", List.of(Map.of("type", "text", "text", text)));
    }

    /** The turn's answer, and the text of every chunk it streamed before it. */
    private record Turn(JsonNode answer, String text, List<JsonNode> messages) {
    }

    private static Turn turn(AgentProcess agent, long id) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, messages, 30_000);
        StringBuilder text = new StringBuilder();
        messages.forEach(m -> text.append(m.at("/params/update/content/text").asText()));
        return new Turn(answer, text.toString(), messages);
    }

    @Test
    void aSessionThatNeedsBetaIsRefusedWithOnlyAlphasKeyAndTheErrorListsOnlyBetasMethods() throws Exception {
        AgentProcess agent = start(Map.of("ALPHA_API_KEY", ALPHA_KEY), "--config", config.toString());
        agent.initialize(Map.of());

        JsonNode refused = newSession(agent);

        assertThat(refused.at("/error/code").asInt()).as(refused.toString()).isEqualTo(-32000);
        List<String> ids = new ArrayList<>();
        refused.at("/error/data/availableMethodIds").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactly("beta-page", "beta-env");
        assertThat(refused.at("/error/message").asText())
                .isEqualTo("Sign in to Beta: enter an API key, or set BETA_API_KEY and restart");
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
    }

    @Test
    void betasKeyAdmitsTheSessionAndAPromptForAlphasModelIsRefusedNamingAlpha() throws Exception {
        AgentProcess agent = start(Map.of("BETA_API_KEY", BETA_KEY), "--config", config.toString());
        agent.initialize(Map.of());
        JsonNode admitted = newSession(agent);
        assertThat(admitted.has("result")).as(admitted.toString()).isTrue();
        String sessionId = admitted.at("/result/sessionId").asText();

        Turn whoami = turn(agent, agent.request("session/prompt", prompt(sessionId, "/whoami")));
        assertThat(whoami.answer().at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(whoami.text()).contains("provider beta").contains("env BETA_API_KEY");

        JsonNode model = agent.call("session/set_config_option",
                Map.of("sessionId", sessionId, "configId", "model", "value", "acp4j-max"));
        assertThat(model.has("result")).as(model.toString()).isTrue();
        JsonNode refused = agent.call("session/prompt", prompt(sessionId, "hello"));
        assertThat(refused.at("/error/code").asInt()).as(refused.toString()).isEqualTo(-32000);
        List<String> ids = new ArrayList<>();
        refused.at("/error/data/availableMethodIds").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactly("alpha-page", "alpha-env");
        assertThat(refused.at("/error/message").asText()).startsWith("Sign in to Alpha:");
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(String.join("\n", agent.stdoutLines()) + agent.stderr()).doesNotContain(BETA_KEY);
    }

    @Test
    void aPromptSignsInToAlphaMidTurnThroughASessionScopedElicitation() throws Exception {
        AgentProcess agent = start(Map.of("BETA_API_KEY", BETA_KEY), "--config", config.toString());
        agent.initialize(URL_CLIENT);
        String sessionId = newSession(agent).at("/result/sessionId").asText();

        long promptId = agent.request("session/prompt", prompt(sessionId, "/signin alpha-page"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 10_000);
        assertThat(elicitation.at("/params/mode").asText()).isEqualTo("url");
        assertThat(elicitation.at("/params/sessionId").asText()).isEqualTo(sessionId);
        assertThat(elicitation.at("/params/requestId").isMissingNode()).isTrue();
        assertThat(elicitation.at("/params/message").asText()).contains("Alpha");
        String url = elicitation.at("/params/url").asText();
        assertThat(url).startsWith("http://127.0.0.1:");
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        ScriptedBrowser browser = new ScriptedBrowser();
        ScriptedBrowser.Page form = browser.open(URI.create(url));
        assertThat(form.status()).isEqualTo(200);
        assertThat(browser.submitPassword(form, ALPHA_KEY).status()).isEqualTo(200);

        Turn signIn = turn(agent, promptId);
        assertThat(signIn.answer().at("/result/stopReason").asText()).as(signIn.answer().toString()).isEqualTo("end_turn");
        assertThat(signIn.messages()).anyMatch(m -> "elicitation/complete".equals(m.path("method").asText())
                && m.at("/params/elicitationId").asText().equals(elicitation.at("/params/elicitationId").asText()));
        assertThat(signIn.text()).contains("Signed in: provider alpha, api key from stored alpha-page");
        assertThat(new CredentialStore(home.resolve(".config/acp4j/credentials.json")).get("alpha", CredentialKind.API_KEY))
                .map(StoredCredential::secret).contains(ALPHA_KEY);

        agent.call("session/set_config_option", Map.of("sessionId", sessionId, "configId", "model", "value", "acp4j-max"));
        Turn alpha = turn(agent, agent.request("session/prompt", prompt(sessionId, "/whoami")));
        assertThat(alpha.answer().at("/result/stopReason").asText()).as("Alpha's model is admitted now").isEqualTo("end_turn");
        assertThat(alpha.text()).contains("provider alpha");
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(String.join("\n", agent.stdoutLines()) + agent.stderr()).doesNotContain(ALPHA_KEY).doesNotContain(BETA_KEY);
    }

    @Test
    void aDeclinedSignInAndAClientWithoutUrlElicitationAreReportedInTheTurn() throws Exception {
        AgentProcess agent = start(Map.of("BETA_API_KEY", BETA_KEY), "--config", config.toString());
        agent.initialize(URL_CLIENT);
        String sessionId = newSession(agent).at("/result/sessionId").asText();
        long promptId = agent.request("session/prompt", prompt(sessionId, "/signin alpha-page"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 10_000);
        agent.respond(elicitation.get("id"), Map.of("action", "decline"));
        Turn declined = turn(agent, promptId);
        assertThat(declined.answer().at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(declined.text()).contains("Not signed in: the user declined the sign-in with 'Enter an Alpha API key'");
        Turn restart = turn(agent, agent.request("session/prompt", prompt(sessionId, "/signin alpha-env")));
        assertThat(restart.text()).contains("Not signed in: 'Alpha key from the environment' cannot sign in during a turn");
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();

        AgentProcess plain = start(Map.of("BETA_API_KEY", BETA_KEY), "--config", config.toString());
        plain.initialize(Map.of());
        String plainSession = newSession(plain).at("/result/sessionId").asText();
        Turn noElicitation = turn(plain, plain.request("session/prompt", prompt(plainSession, "/signin alpha-page")));
        assertThat(noElicitation.answer().at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(noElicitation.text()).contains("Not signed in: signing in to Alpha needs a client that can open a"
                + " sign-in page (elicitation.url)");
        assertThat(noElicitation.messages()).noneMatch(m -> m.path("method").asText().startsWith("elicitation/"));
        plain.closeStdin();
        assertThat(plain.waitFor(10_000)).isTrue();
    }

    @Test
    void aPromptSignsInWithOAuthMidTurnAgainstARealAuthorizationServer() throws Exception {
        try (MockIssuer issuer = MockIssuer.start()) {
            Path oauth = Files.writeString(home.resolve("oauth.json"), """
                    {"authMethods": [
                      {"id": "beta-env", "type": "env_var", "name": "Beta key from the environment",
                       "provider": "beta", "providerName": "Beta", "vars": [{"name": "BETA_API_KEY"}]},
                      {"id": "example-oauth", "type": "oauth2", "name": "Sign in with Example", "provider": "example",
                       "issuer": "%s", "clientId": "acp4j-test", "scopes": ["openid"], "flow": "authorization_code"}
                    ],
                    "configOptionProviders": {"model": {"acp4j-mini": "beta", "acp4j-max": "example"}}}"""
                    .formatted(issuer.issuer));
            AgentProcess agent = start(Map.of("BETA_API_KEY", BETA_KEY), "--config", oauth.toString());
            agent.initialize(URL_CLIENT);
            String sessionId = newSession(agent).at("/result/sessionId").asText();

            long promptId = agent.request("session/prompt", prompt(sessionId, "/signin example-oauth"));
            JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 15_000);
            assertThat(elicitation.at("/params/sessionId").asText()).isEqualTo(sessionId);
            assertThat(elicitation.at("/params/requestId").isMissingNode()).isTrue();
            URI authorize = URI.create(elicitation.at("/params/url").asText());
            assertThat(authorize.toString()).startsWith(issuer.issuer + "/authorize?");
            agent.respond(elicitation.get("id"), Map.of("action", "accept"));

            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            URI redirect = URI.create(browser.send(HttpRequest.newBuilder(authorize).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow());
            assertThat(redirect.toString()).startsWith("http://127.0.0.1:");
            assertThat(browser.send(HttpRequest.newBuilder(redirect).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);

            Turn signIn = turn(agent, promptId);
            assertThat(signIn.answer().at("/result/stopReason").asText()).isEqualTo("end_turn");
            assertThat(signIn.messages()).anyMatch(m -> "elicitation/complete".equals(m.path("method").asText()));
            assertThat(signIn.text()).contains("Signed in: provider example, access token from stored example-oauth");
            agent.call("session/set_config_option", Map.of("sessionId", sessionId, "configId", "model", "value", "acp4j-max"));
            Turn example = turn(agent, agent.request("session/prompt", prompt(sessionId, "/whoami")));
            assertThat(example.text()).as("the model of provider example is admitted now").contains("provider example");
            agent.closeStdin();
            assertThat(agent.waitFor(10_000)).isTrue();
        }
    }

    /** An MCP server guarded by OAuth, with its authorization server (RFC 9728, RFC 8414, RFC 7591), on 127.0.0.1. */
    private HttpServer mcp;
    private final List<String> mcpRequests = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startMcpServer() throws IOException {
        mcp = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        mcp.createContext("/.well-known/oauth-protected-resource/mcp", exchange -> JsonReply.send(exchange, 200,
                "{\"resource\":\"" + base() + "/mcp\",\"authorization_servers\":[\"" + base() + "\"]}"));
        mcp.createContext("/.well-known/oauth-authorization-server", exchange -> JsonReply.send(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "registration_endpoint":"%1$s/register","response_types_supported":["code"],
                 "code_challenge_methods_supported":["S256"]}""".formatted(base())));
        mcp.createContext("/register", exchange -> {
            exchange.getRequestBody().readAllBytes();
            JsonReply.send(exchange, 201, "{\"client_id\":\"eager-client\",\"token_endpoint_auth_method\":\"none\"}");
        });
        mcp.createContext("/authorize", exchange -> {
            Map<String, String> query = QueryString.of(exchange.getRequestURI());
            exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code=eager-code&state="
                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            JsonReply.send(exchange, 302, "");
        });
        mcp.createContext("/token", exchange -> {
            tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            JsonReply.send(exchange, 200, "{\"access_token\":\"" + MCP_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
        mcp.createContext("/mcp", this::mcp);
        mcp.start();
    }

    @AfterEach
    void stopMcpServer() {
        mcp.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + mcp.getAddress().getPort();
    }

    private void mcp(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        mcpRequests.add(exchange.getRequestMethod() + " " + (authorization == null ? "" : authorization));
        GuardedMcpEndpoint.handle(exchange, MCP_TOKEN, base() + "/.well-known/oauth-protected-resource/mcp", "guarded-mcp", "forecast");
    }


    private Map<String, Object> sessionWithMcp() {
        return Map.of("cwd", home.toString(), "mcpServers", List.of(Map.of(
                "type", "http", "name", "guarded", "url", base() + "/mcp", "headers", List.of())));
    }

    @Test
    void withEagerMcpSignInTheSignInStartsAtSessionNewBeforeAnyPrompt() throws Exception {
        Path eager = writeConfig("eager.json", ", \"mcpSignIn\": \"eager\"");
        AgentProcess agent = start(Map.of("BETA_API_KEY", BETA_KEY), "--config", eager.toString());
        agent.initialize(URL_CLIENT);
        JsonNode created = agent.call("session/new", sessionWithMcp());
        String sessionId = created.at("/result/sessionId").asText();
        assertThat(sessionId).as(created.toString()).isNotBlank();

        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 20_000);
        assertThat(elicitation.at("/params/sessionId").asText()).isEqualTo(sessionId);
        assertThat(elicitation.at("/params/requestId").isMissingNode()).isTrue();
        URI authorize = URI.create(elicitation.at("/params/url").asText());
        assertThat(authorize.toString()).startsWith(base() + "/authorize");
        assertThat(QueryString.of(authorize).get("resource")).isEqualTo(base() + "/mcp");
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String redirect = browser.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElseThrow();
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(redirect)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        JsonNode complete = agent.await(m -> "elicitation/complete".equals(m.path("method").asText()), 20_000);
        assertThat(complete.at("/params/elicitationId").asText()).isEqualTo(elicitation.at("/params/elicitationId").asText());
        assertThat(tokenRequests).singleElement().asString().contains("grant_type=authorization_code");

        Turn tools = turn(agent, agent.request("session/prompt", prompt(sessionId, "/mcp")));
        assertThat(tools.text()).contains("forecast");
        assertThat(tools.messages()).as("the turn needs no sign-in").noneMatch(m -> "elicitation/create".equals(m.path("method").asText()));
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(String.join("\n", agent.stdoutLines()) + agent.stderr()).doesNotContain(MCP_TOKEN);
    }

    @Test
    void byDefaultSessionNewLeavesTheMcpServerAlone() throws Exception {
        AgentProcess agent = start(Map.of("BETA_API_KEY", BETA_KEY), "--config", config.toString());
        agent.initialize(URL_CLIENT);
        String sessionId = agent.call("session/new", sessionWithMcp()).at("/result/sessionId").asText();
        Turn echo = turn(agent, agent.request("session/prompt", prompt(sessionId, "/echo hi")));

        assertThat(echo.text()).isEqualTo("hi");
        assertThat(echo.messages()).noneMatch(m -> m.path("method").asText().startsWith("elicitation/"));
        assertThat(mcpRequests).as("nothing contacts the MCP server before a turn uses it").isEmpty();
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
    }
}
