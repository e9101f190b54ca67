package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3's acceptance (profile §1–§6), through the real launcher with an empty HOME. */
class AuthLauncherIT extends LauncherTestBase {

    private static final String KEY = "sk-test-4f9a1c7e2b8d6a0f3e5c";
    private static final Map<String, Object> URL_CLIENT = Map.of("elicitation", Map.of("url", Map.of()));

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = home.resolve("auth.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "llm-page", "type": "api_key_page", "name": "Enter an LLM API key", "provider": "llm"},
                  {"id": "llm-env", "type": "env_var", "name": "LLM key from the environment", "provider": "llm",
                   "vars": [{"name": "LLM_API_KEY", "label": "API key"}], "link": "https://example.com/keys"},
                  {"id": "llm-file", "type": "start_param", "name": "LLM key file", "provider": "llm",
                   "params": [{"name": "--llm-key-file", "label": "Path to a file holding the key"}]},
                  {"id": "llm-terminal", "type": "terminal", "name": "Log in from a terminal"}
                ]}""");
    }

    @Test
    void advertisesMethodsPerTheClientsCapabilitiesAndThisProcess() throws Exception {
        AgentProcess plain = start(Map.of(), "--config", config.toString());
        JsonNode methods = plain.initialize(Map.of()).at("/result/authMethods");
        assertThat(methods.findValuesAsText("id")).containsExactly("llm-page", "llm-env", "llm-file");
        assertThat(methods.get(0).has("type")).as("an agent method has no type").isFalse();
        assertThat(methods.get(1).get("type").asText()).isEqualTo("env_var");
        assertThat(methods.get(1).at("/vars/0/name").asText()).isEqualTo("LLM_API_KEY");
        assertThat(methods.get(1).get("requiresRestart").asBoolean()).isTrue();
        assertThat(methods.get(2).get("type").asText()).isEqualTo("start_param");
        assertThat(methods.get(2).at("/params/0/name").asText()).isEqualTo("--llm-key-file");
        assertThat(methods.get(2).get("requiresRestart").asBoolean()).isTrue();

        Path keyFile = home.resolve("key.txt");
        Files.writeString(keyFile, KEY + "\n");
        AgentProcess launched = start(Map.of("LLM_API_KEY", KEY), "--config", config.toString(),
                "--llm-key-file", keyFile.toString());
        JsonNode withTerminal = launched.initialize(Map.of("auth", Map.of("terminal", true))).at("/result/authMethods");
        assertThat(withTerminal.findValuesAsText("id")).containsExactly("llm-page", "llm-env", "llm-file", "llm-terminal");
        assertThat(withTerminal.get(1).get("requiresRestart").asBoolean()).isFalse();
        assertThat(withTerminal.get(2).get("requiresRestart").asBoolean()).isFalse();
        assertThat(withTerminal.get(3).get("type").asText()).isEqualTo("terminal");
        assertThat(withTerminal.get(3).get("args").findValuesAsText("args")).isEmpty();
        assertThat(withTerminal.get(3).get("args").toString()).contains("\"--login\"");
    }

    @Test
    void sessionsNeedAuthenticationAndEnvironmentMethodsSayWhatToRestartWith() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        List<String> advertised = agent.initialize(Map.of()).at("/result/authMethods").findValuesAsText("id");
        JsonNode refused = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        List<String> available = new ArrayList<>();
        refused.at("/error/data/availableMethodIds").forEach(n -> available.add(n.asText()));
        assertThat(available).isNotEmpty().isSubsetOf(advertised).doesNotContain("llm-terminal");

        JsonNode missing = agent.call("authenticate", Map.of("methodId", "llm-env"));
        assertThat(missing.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(missing.at("/error/data/requiresRestart").asBoolean()).isTrue();
        assertThat(missing.at("/error/data/missing/0").asText()).isEqualTo("LLM_API_KEY");
        assertThat(missing.at("/error/message").asText()).contains("LLM_API_KEY").contains("restart");

        JsonNode missingFile = agent.call("authenticate", Map.of("methodId", "llm-file"));
        assertThat(missingFile.at("/error/data/missing/0").asText()).isEqualTo("--llm-key-file");

        JsonNode unknown = agent.call("authenticate", Map.of("methodId", "nope"));
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(unknown.at("/error/message").asText()).contains("llm-page").contains("llm-env");

        JsonNode terminal = agent.call("authenticate", Map.of("methodId", "llm-terminal"));
        assertThat(terminal.at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void anEnvironmentKeyAuthenticatesAndOpensSessions() throws Exception {
        AgentProcess agent = start(Map.of("LLM_API_KEY", KEY), "--config", config.toString());
        agent.initialize(Map.of());
        assertThat(agent.call("authenticate", Map.of("methodId", "llm-env")).get("result").isObject()).isTrue();
        agent.newSession(home);
        assertNoSecretIn(agent);
    }

    @Test
    void theApiKeyPageSignsInWithoutTheKeyCrossingAcpAndLogoutForgetsIt() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        AgentProcess agent = start(Map.of(), "--config", config.toString(), "--trace", trace.toString());
        agent.initialize(URL_CLIENT);
        long authId = agent.request("authenticate", Map.of("methodId", "llm-page"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 10_000);
        assertThat(elicitation.at("/params/mode").asText()).isEqualTo("url");
        assertThat(elicitation.at("/params/requestId").asLong()).isEqualTo(authId);
        assertThat(elicitation.at("/params/sessionId").isMissingNode()).isTrue();
        String elicitationId = elicitation.at("/params/elicitationId").asText();
        assertThat(elicitationId).isNotBlank();
        String url = elicitation.at("/params/url").asText();
        assertThat(url).startsWith("http://127.0.0.1:");
        assertThat(elicitation.at("/params/message").asText()).isNotBlank();
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        ScriptedBrowser browser = new ScriptedBrowser();
        ScriptedBrowser.Page form = browser.open(URI.create(url));
        assertThat(form.status()).isEqualTo(200);
        ScriptedBrowser.Page done = browser.submitPassword(form, KEY);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).doesNotContain(KEY);

        JsonNode complete = agent.await(m -> "elicitation/complete".equals(m.path("method").asText()), 10_000);
        assertThat(complete.at("/params/elicitationId").asText()).isEqualTo(elicitationId);
        JsonNode answer = agent.awaitResponse(authId);
        assertThat(answer.get("result").isObject()).as(answer.toString()).isTrue();
        assertThat(pageIsGone(browser, url)).as("the page is one-time").isTrue();
        agent.newSession(home);

        Path store = credentialFile();
        assertThat(Files.readString(store)).contains(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");

        AgentProcess second = start(Map.of(), "--config", config.toString());
        second.initialize(Map.of());
        String sessionBeforeLogout = second.newSession(home);
        assertThat(second.call("logout", Map.of()).get("result").isObject()).isTrue();
        JsonNode after = second.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(after.at("/error/code").asInt()).isEqualTo(-32000);
        JsonNode prompt = second.call("session/prompt", Map.of("sessionId", sessionBeforeLogout,
                "prompt", List.of(Map.of("type", "text", "text", "hello"))));
        assertThat(prompt.at("/error/code").asInt()).as("prompts are gated too").isEqualTo(-32000);
        assertThat(prompt.at("/error/data/availableMethodIds").isArray()).isTrue();
        assertThat(!Files.exists(store) || !Files.readString(store).contains(KEY)).as("the key is gone from disk").isTrue();

        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertNoSecretIn(agent);
        assertNoSecretIn(second);
        assertThat(Files.readString(trace)).doesNotContain(KEY).contains("elicitation/create");
    }

    @Test
    void aDeclinedOrCancelledSignInAndAClientWithoutUrlElicitationFailAtOnce() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(URL_CLIENT);
        long authId = agent.request("authenticate", Map.of("methodId", "llm-page"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 10_000);
        long declinedAt = System.nanoTime();
        agent.respond(elicitation.get("id"), Map.of("action", "decline"));
        JsonNode declined = agent.awaitResponse(authId);
        System.out.printf("decline → error: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - declinedAt));
        assertThat(declined.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(declined.at("/error/message").asText()).contains("declined").doesNotContain("cancel");

        long cancelledId = agent.request("authenticate", Map.of("methodId", "llm-page"));
        JsonNode again = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 10_000);
        agent.respond(again.get("id"), Map.of("action", "cancel"));
        JsonNode cancelled = agent.awaitResponse(cancelledId);
        assertThat(cancelled.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(cancelled.at("/error/message").asText()).as("a cancel is not reported as a decline")
                .contains("cancelled").doesNotContain("declined");

        AgentProcess noUrl = start(Map.of(), "--config", config.toString());
        noUrl.initialize(Map.of("auth", Map.of("terminal", true)));
        JsonNode refused = noUrl.call("authenticate", Map.of("methodId", "llm-page"));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        List<String> alternatives = new ArrayList<>();
        refused.at("/error/data/availableMethodIds").forEach(n -> alternatives.add(n.asText()));
        assertThat(alternatives).containsExactly("llm-env", "llm-file", "llm-terminal");
        assertThat(noUrl.poll(300)).as("no elicitation is sent to a client without elicitation.url").isNull();
    }

    @Test
    void terminalLoginStoresTheKeyForLaterProcesses() throws Exception {
        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "llm-page");
        skipTranscriptCheck(login);
        login.sendRaw(KEY);
        login.closeStdin();
        assertThat(login.waitFor(10_000)).isTrue();
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stdoutLines()).isEmpty();
        assertThat(login.stderr()).doesNotContain(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialFile()))).isEqualTo("rw-------");

        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(Map.of());
        agent.newSession(home);

        AgentProcess again = start(Map.of(), "--config", config.toString(), "--login", "llm-page");
        skipTranscriptCheck(again);
        again.closeStdin();
        assertThat(again.waitFor(10_000)).isTrue();
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stderr()).contains("Already signed in to llm: an API key stored by 'llm-page'")
                .contains("--login llm-page --force").doesNotContain(KEY);

        AgentProcess bad = start(Map.of(), "--config", config.toString(), "--login", "llm-page", "--force");
        skipTranscriptCheck(bad);
        bad.sendRaw("not a key");
        bad.closeStdin();
        assertThat(bad.waitFor(10_000)).isTrue();
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).contains("API key");
    }

    /** Gone (410) while its listener still runs, or no longer listening at all. */
    private static boolean pageIsGone(ScriptedBrowser browser, String url) throws InterruptedException {
        try {
            return browser.open(URI.create(url)).status() == 410;
        } catch (java.net.ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return e.getCause() instanceof java.net.ConnectException;
        }
    }

    private Path credentialFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }

    private static void assertNoSecretIn(AgentProcess agent) throws InterruptedException {
        assertThat(String.join("\n", agent.stdoutLines())).doesNotContain(KEY);
        assertThat(String.join("\n", agent.sentLines())).doesNotContain(KEY);
        assertThat(agent.stderr()).doesNotContain(KEY);
    }

    @SuppressWarnings("unused")
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
