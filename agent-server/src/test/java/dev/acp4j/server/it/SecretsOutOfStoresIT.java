package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 5: a key entered through {@code --login} (the key page's store) or given in the
 * environment, and an OAuth token given in the environment ({@code "kind": "oauth_token"}), never reaches the session store, the trace file, stdout, stderr at trace level or
 * an ACP payload, over sign-in, sessions, prompts, load, an unknown method and logout. A key the
 * user pastes into a prompt is their content: it is in the store, which shows the scan can see.
 */
class SecretsOutOfStoresIT extends LauncherTestBase {

    private static final String STORED_KEY = "sk-stored-6a1f0c9e8d7b5a4c3e2f";
    private static final String ENV_KEY = "sk-env-2c4e6a8b0d1f3e5a7c9b";
    private static final String ENV_TOKEN = "acme-oauth-5d3b1f9e7c5a3e1d9b7f";
    private static final String PASTED = "sk-pasted-9e8d7c6b5a4f3e2d1c0b";

    @Test
    void keysFromTheLoginAndTheEnvironmentAreNowhereButThePastedOneIsInTheStore() throws Exception {
        Path config = home.resolve("auth.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "llm-page", "type": "api_key_page", "name": "Enter an LLM API key", "provider": "llm"},
                  {"id": "other-env", "type": "env_var", "name": "Other key from the environment", "provider": "other",
                   "vars": [{"name": "OTHER_API_KEY", "label": "API key"}]},
                  {"id": "acme-token", "type": "env_var", "name": "Acme token from the environment", "provider": "acme",
                   "vars": [{"name": "ACME_OAUTH_TOKEN", "label": "OAuth token", "kind": "oauth_token"}]}
                ]}""");
        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "llm-page", "--log-level", "trace");
        skipTranscriptCheck(login);
        login.sendRaw(STORED_KEY);
        login.closeStdin();
        assertThat(login.waitFor(20_000)).isTrue();
        assertThat(login.exitCode()).as(login.stderr()).isZero();

        Path trace = home.resolve("trace.jsonl");
        Path project = Files.createDirectories(home.resolve("project"));
        AgentProcess agent = start(Map.of("OTHER_API_KEY", ENV_KEY, "ACME_OAUTH_TOKEN", ENV_TOKEN), "--config", config.toString(),
                "--trace", trace.toString(), "--log-level", "trace");
        agent.initialize(Map.of("auth", Map.of("terminal", true)));
        assertThat(agent.call("authenticate", Map.of("methodId", "other-env")).has("result")).isTrue();
        assertThat(agent.call("authenticate", Map.of("methodId", "acme-token")).has("result")).isTrue();
        String sessionId = agent.newSession(project);
        List<JsonNode> seen = new ArrayList<>();
        for (String text : List.of("hello", "my key is " + PASTED, "/stream 5", "/echo done")) {
            long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                    "prompt", List.of(Map.of("type", "text", "text", text))));
            assertThat(agent.collectUntilResponse(id, seen).at("/result/stopReason").asText()).isEqualTo("end_turn");
        }
        seen.add(agent.call("session/set_mode", Map.of("sessionId", sessionId, "modeId", "code")));
        seen.add(agent.call("session/list", Map.of()));
        seen.add(agent.call("no/such/method", Map.of("key", "x")));
        seen.add(agent.call("session/close", Map.of("sessionId", sessionId)));
        long load = agent.request("session/load", Map.of("sessionId", sessionId, "cwd", project.toString(), "mcpServers", List.of()));
        seen.add(agent.collectUntilResponse(load, seen));
        seen.add(agent.call("logout", Map.of("_meta", Map.of())));
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();

        StringBuilder sessionStore = new StringBuilder();
        try (Stream<Path> files = Files.walk(home.resolve(".local/share/acp4j"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sessionStore.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(sessionStore).as("the user's own words are kept").contains(PASTED);
        Map<String, String> places = Map.of(
                "the session store", sessionStore.toString(),
                "the trace file", Files.readString(trace),
                "stdout", String.join("\n", agent.stdoutLines()),
                "ACP payloads the client got", seen.toString(),
                "stderr at trace level", agent.stderr(),
                "the login's stdout and stderr", String.join("\n", login.stdoutLines()) + login.stderr());
        for (Map.Entry<String, String> place : places.entrySet()) {
            for (String secret : List.of(STORED_KEY, ENV_KEY, ENV_TOKEN, STORED_KEY.substring(8), ENV_KEY.substring(8),
                    ENV_TOKEN.substring(10))) {
                assertThat(place.getValue()).as("%s holds no entered key", place.getKey()).doesNotContain(secret);
            }
        }
    }
}
