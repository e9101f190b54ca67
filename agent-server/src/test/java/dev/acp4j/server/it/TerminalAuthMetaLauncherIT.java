package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 3, 5 and 6: Zed's {@code _meta["terminal-auth"]} login descriptor, the
 * AUTH_REQUIRED sentence, and the ACP registry verifier's handshake, through the real launcher.
 */
class TerminalAuthMetaLauncherIT extends LauncherTestBase {

    private static final String KEY = "sk-test-7c1e9a4b2d8f6e0a3c5b";
    private static final Map<String, Object> ZED = Map.of("_meta", Map.of("terminal-auth", true));

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = home.resolve("auth.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "llm-page", "type": "api_key_page", "name": "Enter an LLM API key", "provider": "llm",
                   "providerName": "LLM Cloud"},
                  {"id": "llm-env", "type": "env_var", "name": "LLM key from the environment", "provider": "llm",
                   "providerName": "LLM Cloud", "vars": [{"name": "LLM_API_KEY", "label": "API key"}]},
                  {"id": "llm-terminal", "type": "terminal", "name": "Log in from a terminal", "provider": "llm",
                   "providerName": "LLM Cloud", "env": {"LLM_REGION": "eu"}}
                ]}""");
    }

    @Test
    void zedGetsTheTerminalMethodWithAnAbsoluteLoginCommandThatStoresTheKeyForLaterProcesses() throws Exception {
        // A relative --config: the descriptor must carry it made absolute.
        String relativeConfig = Path.of("").toAbsolutePath().relativize(config).toString();
        AgentProcess agent = start(Map.of(), "--config", relativeConfig);
        JsonNode methods = agent.initialize(ZED).at("/result/authMethods");
        assertThat(methods.findValuesAsText("id")).containsExactly("llm-page", "llm-env", "llm-terminal");
        JsonNode terminal = methods.get(2);
        assertThat(terminal.get("type").asText()).isEqualTo("terminal");
        JsonNode descriptor = terminal.at("/_meta/terminal-auth");
        assertThat(descriptor.get("label").asText()).isEqualTo("Log in from a terminal");
        Path command = Path.of(descriptor.get("command").asText());
        assertThat(command.isAbsolute()).as(command.toString()).isTrue();
        assertThat(Files.isExecutable(command)).as(command.toString()).isTrue();
        assertThat(command).isEqualTo(AgentProcess.launcher().toRealPath());
        List<String> args = new ArrayList<>();
        descriptor.get("args").forEach(a -> args.add(a.asText()));
        assertThat(args).containsExactly("--config", config.toAbsolutePath().normalize().toString(), "--login", "llm-terminal");
        assertThat(descriptor.at("/env/LLM_REGION").asText()).isEqualTo("eu");

        JsonNode refused = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(refused.at("/error/message").asText()).isEqualTo(
                "Sign in to LLM Cloud: enter an API key, set LLM_API_KEY and restart, or log in from a terminal");
        assertThat(refused.at("/error/data/availableMethodIds").toString())
                .isEqualTo("[\"llm-page\",\"llm-env\",\"llm-terminal\"]");

        // What Zed does: run the command and args in a terminal (here: another directory, the key on stdin).
        List<String> commandLine = new ArrayList<>();
        commandLine.add(command.toString());
        commandLine.addAll(args);
        ProcessBuilder login = new ProcessBuilder(commandLine).directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE);
        login.environment().keySet().removeIf(k -> k.startsWith("ACP4J_") || k.equals("XDG_CONFIG_HOME"));
        login.environment().put("HOME", home.toString());
        descriptor.get("env").properties().forEach(e -> login.environment().put(e.getKey(), e.getValue().asText()));
        Process process = login.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stdout).isEmpty();
        assertThat(stderr).doesNotContain(KEY);
        Path store = home.resolve(".config/acp4j/credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");

        AgentProcess next = start(Map.of(), "--config", config.toString());
        next.initialize(ZED);
        next.newSession(home);
        assertThat(String.join("\n", next.stdoutLines())).doesNotContain(KEY);
    }

    @Test
    void clientsThatSentNeitherFlagGetNoTerminalMethodAndStableClientsGetBothForms() throws Exception {
        AgentProcess plain = start(Map.of(), "--config", config.toString());
        assertThat(plain.initialize(Map.of("_meta", Map.of("terminal-auth", "yes"))).at("/result/authMethods")
                .findValuesAsText("id")).containsExactly("llm-page", "llm-env");
        JsonNode refused = plain.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(refused.at("/error/message").asText())
                .isEqualTo("Sign in to LLM Cloud: enter an API key, or set LLM_API_KEY and restart");

        AgentProcess both = start(Map.of(), "--config", config.toString());
        JsonNode terminal = both.initialize(Map.of("auth", Map.of("terminal", true), "_meta", Map.of("terminal-auth", true)))
                .at("/result/authMethods/2");
        assertThat(terminal.get("args").toString()).isEqualTo("[\"--login\"]");
        assertThat(terminal.at("/_meta/terminal-auth/args").toString()).endsWith("\"--login\",\"llm-terminal\"]");

        AgentProcess stable = start(Map.of(), "--config", config.toString());
        JsonNode stableTerminal = stable.initialize(Map.of("auth", Map.of("terminal", true))).at("/result/authMethods/2");
        assertThat(stableTerminal.get("type").asText()).isEqualTo("terminal");
        assertThat(stableTerminal.has("_meta")).as("no descriptor for a client that did not ask for it").isFalse();
    }

    /** The ACP registry's verifier: default configuration, its exact initialize, one stdout line read. */
    @Test
    void theRegistryVerifiersHandshakeGetsOneLineWithAnAgentMethodAndTheTerminalDescriptor() throws Exception {
        AgentProcess agent = start(Map.of("TERM", "dumb"));
        agent.sendRaw("""
                {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": 1, \
                "clientInfo": {"name": "ACP Registry Validator", "version": "1.0.0"}, \
                "clientCapabilities": {"terminal": true, "fs": {"readTextFile": true, "writeTextFile": true}, \
                "_meta": {"terminal_output": true, "terminal-auth": true}}}}""");
        JsonNode first = agent.next(15_000);
        assertThat(agent.stdoutLines()).hasSize(1);
        assertThat(first.get("id").asInt()).isEqualTo(1);
        JsonNode methods = first.at("/result/authMethods");
        List<JsonNode> agentOrTerminal = new ArrayList<>();
        JsonNode zedTerminal = null;
        for (JsonNode method : methods) {
            String type = method.path("type").asText("agent");
            if (type.equals("agent") || type.equals("terminal")) {
                agentOrTerminal.add(method);
            }
            if (method.at("/_meta/terminal-auth").isObject()) {
                zedTerminal = method;
            }
        }
        assertThat(agentOrTerminal).isNotEmpty();
        assertThat(methods.get(0).has("type")).as("the API-key page is an agent method: no type").isFalse();
        assertThat(zedTerminal).as(methods.toString()).isNotNull();
        assertThat(zedTerminal.at("/_meta/terminal-auth/args").toString())
                .isEqualTo("[\"--login\",\"terminal-login\"]");
    }
}
