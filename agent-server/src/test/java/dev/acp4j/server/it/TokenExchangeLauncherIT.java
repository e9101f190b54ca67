package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.oauth.CopilotShapedServer;
import dev.acp4j.auth.oauth.GitHubShapedServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A GitHub-shaped, device-only sign-in followed by a Copilot-shaped token exchange, through the
 * real processes: {@code --login} signs in and checks the exchange; the built-in agent's
 * {@code /whoami} names the headers and the base URL; an agent calling the API
 * ({@link ProviderApiAgentMain}) gets the exchanged token, which the API accepts only while it is
 * the newest one issued; a token inside the 5-minute margin is exchanged again without a new
 * sign-in; a refused or unreachable exchange is a sign-in error. Neither the OAuth token nor any
 * exchanged token appears on stdout, stderr (trace level), the trace file or an ACP payload, and
 * the credential file holds the OAuth token only.
 */
class TokenExchangeLauncherIT extends LauncherTestBase {

    private GitHubShapedServer github;
    private CopilotShapedServer copilot;
    private Path config;
    private Path apiAgent;
    private final List<AgentProcess> started = new ArrayList<>();
    private final List<JsonNode> payloads = new ArrayList<>();

    @BeforeEach
    void startProviders() throws Exception {
        github = new GitHubShapedServer();
        copilot = new CopilotShapedServer(GitHubShapedServer.ACCESS_TOKEN);
        config = home.resolve("copilot.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "copilot", "type": "oauth2", "name": "Sign in with GitHub Copilot",
                  "providerName": "GitHub Copilot", "flow": "device_code", "clientId": "%s", "scopes": ["read:user"],
                  "deviceAuthorizationEndpoint": "%s", "tokenEndpoint": "%s", "timeoutSeconds": 60,
                  "headers": %s,
                  "apiBaseUrl": "https://api.githubcopilot.invalid",
                  "exchange": {"endpoint": "%s", "method": "GET", "headers": %s,
                    "tokenPlacement": "authorization: token", "tokenField": "token",
                    "expiresAtField": "expires_at", "apiBaseUrlField": "endpoints.api"}}],
                 "credentialStore": "%s"}"""
                .formatted(GitHubShapedServer.CLIENT_ID, github.deviceAuthorizationEndpoint(), github.tokenEndpoint(),
                        json(CopilotShapedServer.API_HEADERS), copilot.exchangeEndpoint(),
                        json(CopilotShapedServer.EXCHANGE_HEADERS), credentialFile()));
        apiAgent = writeApiAgentLauncher();
    }

    @AfterEach
    void stopProviders() {
        github.close();
        copilot.close();
    }

    @Test
    void theAgentGetsTheExchangedTokenWithTheHeadersAndBaseUrlAndAThirtyMinuteTokenIsReused() throws Exception {
        AgentProcess login = login();
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains("Logged in with 'copilot'");
        assertThat(copilot.exchanges()).as("the login checks the exchange").isEqualTo(1);
        assertThat(Files.readString(credentialFile())).contains(GitHubShapedServer.ACCESS_TOKEN);

        AgentProcess builtin = serve(AgentProcess.launcher());
        String sessionId = builtin.newSession(home);
        assertThat(prompt(builtin, sessionId, "/whoami"))
                .startsWith("Signed in: provider copilot, access token from stored copilot, expires ")
                .contains(" Headers: Copilot-Integration-Id, Editor-Version.")
                .endsWith(" API base URL: " + copilot.apiBaseUrl() + ".");
        finish(builtin);

        AgentProcess agent = serve(apiAgent);
        String session = agent.newSession(home);
        int exchangesBefore = copilot.exchanges();
        assertThat(prompt(agent, session, "models")).startsWith("models: HTTP 200 ").contains("\"call\":1");
        assertThat(prompt(agent, session, "models")).startsWith("models: HTTP 200 ").contains("\"call\":2");
        assertThat(copilot.exchanges()).as("a token with 30 minutes left is reused").isEqualTo(exchangesBefore);
        finish(agent);

        assertThat(github.tokenRequestAccepts()).as("one sign-in").hasSize(1);
        assertNoTokenAnywhere("exchanged the OAuth token of copilot");
    }

    @Test
    void aTokenInsideTheMarginIsExchangedAgainAtTheNextRequestWithoutANewSignIn() throws Exception {
        copilot.lifetime(240);
        assertThat(login().exitCode()).isZero();

        AgentProcess agent = serve(apiAgent);
        String session = agent.newSession(home);
        assertThat(prompt(agent, session, "models")).startsWith("models: HTTP 200 ");
        int afterFirst = copilot.exchanges();
        assertThat(prompt(agent, session, "models")).as("the API takes only the newest token")
                .startsWith("models: HTTP 200 ");
        assertThat(copilot.exchanges()).isGreaterThan(afterFirst);
        finish(agent);

        assertThat(github.tokenRequestAccepts()).as("no new sign-in").hasSize(1);
        assertNoTokenAnywhere("exchanged the OAuth token of copilot");
    }

    @Test
    void aRefusedExchangeIsASignInErrorAndAnUnreachableOneNeedsNoNewSignIn() throws Exception {
        copilot.refuseWith(401);
        AgentProcess login = login();
        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.stderr()).contains("acp4j: login with 'copilot' failed: signed in, but no API token for"
                + " GitHub Copilot: the token exchange " + copilot.exchangeEndpoint()
                + " refused the token (HTTP 401: Refused by the test)");

        AgentProcess agent = serve(AgentProcess.launcher());
        JsonNode gated = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        payloads.add(gated);
        assertThat(gated.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(gated.at("/error/data/availableMethodIds").toString()).isEqualTo("[\"copilot\"]");

        long authenticate = agent.request("authenticate", Map.of("methodId", "copilot"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 20_000);
        payloads.add(elicitation);
        assertThat(elicitation.at("/params/message").asText()).as("a refused token leads to a new sign-in")
                .contains(GitHubShapedServer.USER_CODE);
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));
        JsonNode failed = agent.collectUntilResponse(authenticate, payloads, 20_000);
        payloads.add(failed);
        assertThat(failed.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(failed.at("/error/message").asText()).isEqualTo("No API token for GitHub Copilot: the token exchange "
                + copilot.exchangeEndpoint() + " refused the token (HTTP 401: Refused by the test); sign in again"
                + " (another account may have access)");
        finish(agent);

        String endpoint = copilot.exchangeEndpoint().toString();
        copilot.close();
        AgentProcess down = serve(AgentProcess.launcher());
        JsonNode gatedAgain = down.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        payloads.add(gatedAgain);
        assertThat(gatedAgain.at("/error/code").asInt()).isEqualTo(-32000);
        JsonNode unreachable = down.call("authenticate", Map.of("methodId", "copilot"));
        payloads.add(unreachable);
        assertThat(unreachable.at("/error/message").asText()).as("no elicitation: a new sign-in would not help")
                .startsWith("No API token for GitHub Copilot: the token exchange " + endpoint
                        + " could not be reached (").endsWith("; try again later");
        finish(down);
        assertThat(down.stdoutLines()).noneMatch(line -> line.contains("elicitation/create"));

        assertThat(github.tokenRequestAccepts()).as("the login's and the authenticate's sign-ins").hasSize(2);
        assertNoTokenAnywhere("no API token for copilot");
    }

    private AgentProcess login() throws Exception {
        AgentProcess login = start(Map.of("ACP4J_NO_BROWSER", "1"), "--config", config.toString(), "--login", "copilot",
                "--log-level", "trace");
        started.add(login);
        skipTranscriptCheck(login);
        login.closeStdin();
        assertThat(login.waitFor(30_000)).as("exits").isTrue();
        return login;
    }

    private AgentProcess serve(Path launcher) throws Exception {
        Path trace = home.resolve("trace-" + started.size() + ".jsonl");
        AgentProcess agent = start(launcher, Map.of(), "--config", config.toString(), "--trace", trace.toString(),
                "--log-level", "trace");
        started.add(agent);
        payloads.add(agent.initialize(Map.of("elicitation", Map.of("url", Map.of()))));
        return agent;
    }

    private String prompt(AgentProcess agent, String sessionId, String text) throws Exception {
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", text))));
        List<JsonNode> seen = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, seen);
        payloads.addAll(seen);
        payloads.add(answer);
        assertThat(answer.at("/result/stopReason").asText()).as(answer + "\n" + agent.stderr()).isEqualTo("end_turn");
        return seen.stream()
                .filter(m -> "agent_message_chunk".equals(m.at("/params/update/sessionUpdate").asText()))
                .map(m -> m.at("/params/update/content/text").asText())
                .collect(Collectors.joining());
    }

    private static void finish(AgentProcess agent) throws Exception {
        agent.closeStdin();
        assertThat(agent.waitFor(20_000)).isTrue();
    }

    /** The OAuth token and every exchanged token: in no output, no trace, no payload; exchanged ones not stored. */
    private void assertNoTokenAnywhere(String logged) throws Exception {
        List<String> secrets = new ArrayList<>(copilot.issued());
        StringBuilder output = new StringBuilder(payloads.toString());
        for (AgentProcess process : started) {
            output.append(String.join("\n", process.stdoutLines())).append(process.stderr());
        }
        try (var traces = Files.list(home)) {
            for (Path trace : traces.filter(p -> p.getFileName().toString().startsWith("trace-")).toList()) {
                output.append(Files.readString(trace));
            }
        }
        assertThat(output).as("the outputs were collected").contains(logged);
        assertThat(output.toString()).doesNotContain(GitHubShapedServer.ACCESS_TOKEN);
        String stored = Files.readString(credentialFile());
        for (String secret : secrets) {
            assertThat(output.toString()).doesNotContain(secret);
            assertThat(stored).as("exchanged tokens are kept in memory only").doesNotContain(secret);
        }
    }

    private Path credentialFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }

    private Path writeApiAgentLauncher() throws IOException, URISyntaxException {
        Path jar = AgentProcess.launcher().getParent().resolveSibling("agent-server/target/acp4j.jar");
        Path testClasses = Path.of(ProviderApiAgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = home.resolve("api-agent");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -Xlog:disable -Xlog:all=warning:stderr -cp '"
                + jar + ":" + testClasses + "' " + ProviderApiAgentMain.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String json(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
