package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.AgentCredentials;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --status}, {@code --logout}, the launcher's messages and exit statuses, through {@code bin/acp4j}. */
class LauncherCommandsIT extends LauncherTestBase {

    private static final String KEY = "sk-test-7c1e9a3b5d2f4e6a8b0c";
    private static final String ENV_KEY = "sk-env-3e5a7c9b1d0f2a4c6e8b";
    private static final String TOKEN = "at-corp-9d8c7b6a5f4e3d2c1b0a";

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = home.resolve("auth.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "llm-page", "type": "api_key_page", "name": "Enter an LLM API key", "provider": "llm"},
                  {"id": "llm-env", "type": "env_var", "name": "LLM key from the environment", "provider": "llm",
                   "vars": [{"name": "LLM_API_KEY", "label": "API key"}]},
                  {"id": "llm-file", "type": "start_param", "name": "LLM key file", "provider": "llm",
                   "params": [{"name": "--llm-key-file", "label": "Path to a file holding the key"}]},
                  {"id": "corp", "type": "oauth2", "name": "Sign in with Corp", "issuer": "https://auth.corp.example",
                   "clientId": "acp4j-cli"},
                  {"id": "llm-terminal", "type": "terminal", "name": "Log in from a terminal"}
                ]}""");
    }

    @Test
    void statusShowsKindSourceAndExpiryOfThisAgentsCredentialsAndNoSecret() throws Exception {
        login(KEY);
        CredentialStore store = new CredentialStore(credentialFile());
        Instant now = Instant.now();
        store.put("corp", StoredCredential.oauth2("corp", "corp", TOKEN, "rt-" + TOKEN, now.plus(Duration.ofMinutes(90)),
                now, Map.of()));
        store.put("mcp:https://mine.example/mcp", StoredCredential.oauth2("https://mine.example/mcp", "mcp-oauth",
                TOKEN, null, null, now, Map.of(AgentCredentials.AGENT_ATTRIBUTE, "acp4j")));
        store.put("mcp:https://theirs.example/mcp", StoredCredential.oauth2("https://theirs.example/mcp", "mcp-oauth",
                TOKEN, null, null, now, Map.of(AgentCredentials.AGENT_ATTRIBUTE, "other-agent")));

        AgentProcess status = command(Map.of("LLM_API_KEY", ENV_KEY), "--config", config.toString(), "--status");

        assertThat(status.exitCode()).as(status.stderr()).isZero();
        String table = String.join("\n", status.stdoutLines());
        assertThat(table).contains(credentialFile().toString())
                .containsPattern("llm +API key +stored \\(llm-page\\)")
                .containsPattern("llm +API key +environment \\(LLM_API_KEY\\)")
                .containsPattern("corp +OAuth token +stored \\(corp\\) +\\S+ \\(in 8\\d min\\)")
                .contains("mcp:https://mine.example/mcp")
                .doesNotContain("theirs.example")
                .doesNotContain(KEY).doesNotContain(ENV_KEY).doesNotContain(TOKEN);
        assertThat(status.stderr()).doesNotContain(KEY).doesNotContain(ENV_KEY).doesNotContain(TOKEN);

        AgentProcess empty = command(Map.of(), "--config", emptyConfig().toString(), "--status");
        assertThat(empty.exitCode()).isZero();
        assertThat(String.join("\n", empty.stdoutLines())).as("without methods, only its MCP servers' tokens")
                .contains("mine.example").doesNotContain("llm").doesNotContain("corp ");
    }

    @Test
    void logoutErasesOneProvidersCredentialsOrAllOfThisAgents() throws Exception {
        login(KEY);
        CredentialStore store = new CredentialStore(credentialFile());
        Instant now = Instant.now();
        store.put("corp", StoredCredential.oauth2("corp", "corp", TOKEN, null, null, now, Map.of()));
        store.put("mcp:https://theirs.example/mcp", StoredCredential.oauth2("https://theirs.example/mcp", "mcp-oauth",
                TOKEN, null, null, now, Map.of(AgentCredentials.AGENT_ATTRIBUTE, "other-agent")));

        AgentProcess corp = command(Map.of(), "--config", config.toString(), "--logout", "corp");
        assertThat(corp.exitCode()).as(corp.stderr()).isZero();
        assertThat(corp.stderr()).contains("erased the stored credentials of corp");
        assertThat(store.all()).containsOnlyKeys("llm#api_key", "mcp:https://theirs.example/mcp");

        AgentProcess unknown = command(Map.of(), "--config", config.toString(), "--logout", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown provider 'nope'").contains("providers: llm, corp");

        AgentProcess all = command(Map.of("LLM_API_KEY", ENV_KEY), "--config", config.toString(), "--logout");
        assertThat(all.exitCode()).as(all.stderr()).isZero();
        assertThat(all.stderr()).contains("erased the stored credentials of llm")
                .contains("llm still has a key from the environment (LLM_API_KEY)").doesNotContain(ENV_KEY);
        assertThat(store.all()).as("another agent's entry in the same file stays").containsOnlyKeys("mcp:https://theirs.example/mcp");
        assertThat(Files.readString(credentialFile())).doesNotContain(KEY);

        AgentProcess again = command(Map.of(), "--config", config.toString(), "--logout", "llm");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stderr()).contains("Nothing stored for llm");
    }

    @Test
    void aTerminalMethodsIdLogsInAsABareLoginDoes() throws Exception {
        // Zed's _meta["terminal-auth"] descriptor runs '--login <terminal method id>'
        AgentProcess terminal = start(Map.of(), "--config", config.toString(), "--login", "llm-terminal");
        skipTranscriptCheck(terminal);
        terminal.sendRaw("1");
        terminal.sendRaw(KEY);
        terminal.closeStdin();
        assertThat(terminal.waitFor(10_000)).isTrue();
        assertThat(terminal.exitCode()).as(terminal.stderr()).isZero();
        assertThat(terminal.stderr()).contains("How do you want to log in to acp4j?")
                .contains("1) Enter an LLM API key [llm-page]").contains("2) Sign in with Corp [corp]")
                .doesNotContain("unknown").doesNotContain(KEY);
        assertThat(Files.readString(credentialFile())).contains(KEY);
    }

    @Test
    void loginMistakesAreUsageErrorsThatSayWhatLoginCanRun() throws Exception {
        AgentProcess bogus = command(Map.of(), "--config", config.toString(), "--login", "bogus");
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.stderr()).contains("unknown login method 'bogus'; --login can run: llm-page, corp");

        AgentProcess environment = command(Map.of(), "--config", config.toString(), "--login", "llm-env");
        assertThat(environment.exitCode()).isEqualTo(2);
        assertThat(environment.stderr()).contains("set LLM_API_KEY in the agent's environment");

        AgentProcess none = command(Map.of(), "--config", emptyConfig().toString(), "--login");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("no method that can log in from a terminal");

        AgentProcess two = command(Map.of(), "--config", config.toString(), "--login", "--status");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.stderr()).contains("choose one of --login, --logout, --status");

        AgentProcess declined = command(Map.of(), "--config", config.toString(), "--login", "llm-page");
        assertThat(declined.exitCode()).as("no key given is a failed login, not a usage error").isEqualTo(1);
    }

    @Test
    void startUpRefusesWhatWouldOnlyFailAtTheFirstSignIn() throws Exception {
        AgentProcess loud = command(Map.of(), "--config", config.toString(), "--log-level", "loud");
        assertThat(loud.exitCode()).isEqualTo(2);
        assertThat(loud.stderr()).contains("--log-level must be one of error, warn, info, debug, trace, not 'loud'");

        Path clash = home.resolve("clash.json");
        Files.writeString(clash, """
                {"authMethods": [{"id": "f", "type": "start_param", "name": "F", "params": [{"name": "--status"}]},
                  {"id": "o", "type": "oauth2", "name": "O", "issuer": "auth.example.com", "clientId": "c"}]}""");
        AgentProcess refused = command(Map.of(), "--config", clash.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr())
                .contains("config " + clash + ": ")
                .contains("authMethods[0] (id 'f'): params[0]: name '--status' is an option of the launcher itself")
                .contains("authMethods[1] (id 'o'): issuer 'auth.example.com' is not an absolute http(s) URL");
    }

    @Test
    void aKeyFileThatIsMissingOrEmptyIsNamedAtStartAndInAuthenticate() throws Exception {
        Path missing = home.resolve("keys/llm.key");
        AgentProcess agent = start(Map.of(), "--config", config.toString(), "--llm-key-file", missing.toString());
        agent.initialize(Map.of());
        JsonNode refused = agent.call("authenticate", Map.of("methodId", "llm-file"));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(refused.at("/error/message").asText()).contains("--llm-key-file: file " + missing + " is missing")
                .doesNotContain("Restart the agent with");
        assertThat(agent.stderr()).contains("--llm-key-file: file " + missing + " is missing");

        Path empty = Files.writeString(home.resolve("empty.key"), "\n");
        AgentProcess second = start(Map.of(), "--config", config.toString(), "--llm-key-file", empty.toString());
        second.initialize(Map.of());
        assertThat(second.call("authenticate", Map.of("methodId", "llm-file")).at("/error/message").asText())
                .contains("file " + empty + " is empty");
    }

    @Test
    void helpSaysEachThingOnceAndKeepsTheExitStatusesWhole() throws Exception {
        AgentProcess help = command(Map.of(), "--config", config.toString(), "--help");
        assertThat(help.exitCode()).isZero();
        String text = String.join("\n", help.stdoutLines());
        assertThat(text).contains("--llm-key-file=FILE").contains("--logout[=PROVIDER]").contains("--status")
                .doesNotContain("(a file holding it)")
                .contains("  0  stdin ended, or the action succeeded\n  1  a runtime failure, or a failed login\n"
                        + "  2  a usage or configuration error");
        assertThat(text.replaceAll("\\s+", " ")).contains("Path to a file holding the key (auth method 'llm-file')");
    }

    private void login(String key) throws Exception {
        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "llm-page");
        skipTranscriptCheck(login);
        login.sendRaw(key);
        login.closeStdin();
        assertThat(login.waitFor(10_000)).isTrue();
        assertThat(login.exitCode()).as(login.stderr()).isZero();
    }

    /** A run that is not a JSON-RPC session: stdin closed at once, waited for. */
    private AgentProcess command(Map<String, String> env, String... args) throws Exception {
        AgentProcess process = start(env, args);
        skipTranscriptCheck(process);
        process.closeStdin();
        assertThat(process.waitFor(20_000)).as("exits").isTrue();
        return process;
    }

    private Path credentialFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }
}
