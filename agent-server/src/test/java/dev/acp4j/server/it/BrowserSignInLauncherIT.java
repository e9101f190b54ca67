package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: a client without {@code elicitation.url}; the agent opens the sign-in page in
 * the user's browser itself. {@code BROWSER} is a fake: a script that writes the URL it is given to
 * a file, from which this test's {@link ScriptedBrowser} plays the user.
 */
class BrowserSignInLauncherIT extends LauncherTestBase {

    private static final String KEY = "sk-test-b5d3f1a9c7e2048e6a1d";
    private static MockIssuer authorizationServer;
    private static URI issuer;

    private Path config;
    private Path opened;
    private Path fakeBrowser;

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        authorizationServer = MockIssuer.start();
        issuer = authorizationServer.issuer;
    }

    @AfterAll
    static void stopAuthorizationServer() {
        authorizationServer.close();
    }

    /** An agent whose client has no URL elicitation, waiting in {@code authenticate} after opening {@code url}. */
    private record Waiting(AgentProcess agent, long authId, URI url) {
    }

    private Waiting signInThroughTheBrowser(String methodId, String... args) throws Exception {
        AgentProcess agent = start(Map.of("BROWSER", fakeBrowser.toString()), args.length > 0 ? args
                : new String[] {"--config", config.toString()});
        agent.initialize(Map.of());
        long authId = agent.request("authenticate", Map.of("methodId", methodId));
        return new Waiting(agent, authId, URI.create(awaitOpenedUrl()));
    }

    @BeforeEach
    void writeConfigAndBrowser() throws Exception {
        config = home.resolve("auth.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "llm-page", "type": "api_key_page", "name": "Enter an LLM API key", "provider": "llm"},
                  {"id": "llm-env", "type": "env_var", "name": "LLM key from the environment", "provider": "llm",
                   "vars": [{"name": "LLM_API_KEY", "label": "API key"}]},
                  {"id": "example-oauth", "type": "oauth2", "name": "Sign in with Example", "provider": "example",
                   "issuer": "%1$s", "clientId": "acp4j-test", "scopes": ["openid"], "flow": "authorization_code"},
                  {"id": "example-device", "type": "oauth2", "name": "Sign in with a code", "provider": "example",
                   "issuer": "%1$s", "clientId": "acp4j-test", "scopes": ["openid"], "flow": "device_code"}
                ],
                "elicitationTimeoutSeconds": 20}""".formatted(issuer));
        opened = home.resolve("opened-urls.txt");
        fakeBrowser = fakeBrowser("browser", "printf '%s\\n' \"$1\" >> '" + opened + "'\n");
    }

    @Test
    void theApiKeyPageOpensInTheBrowserAndSignsIn() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        Waiting waiting = signInThroughTheBrowser("llm-page", "--config", config.toString(), "--trace", trace.toString());
        AgentProcess agent = waiting.agent();
        long authId = waiting.authId();
        URI page = waiting.url();
        assertThat(page.toString()).startsWith("http://127.0.0.1:");

        ScriptedBrowser browser = new ScriptedBrowser();
        ScriptedBrowser.Page form = browser.open(page);
        assertThat(form.status()).isEqualTo(200);
        assertThat(browser.submitPassword(form, KEY).status()).isEqualTo(200);

        JsonNode answer = agent.awaitResponse(authId);
        assertThat(answer.get("result")).as(answer.toString()).isNotNull();
        assertThat(answer.get("result").isObject() && answer.get("result").isEmpty()).isTrue();
        agent.newSession(home);
        assertThat(String.join("\n", agent.stdoutLines())).doesNotContain("elicitation/");
        assertThat(agent.stderr()).as("the URL is logged").contains(page.toString());

        Path store = home.resolve(".config/acp4j/credentials.json");
        assertThat(Files.readString(store)).contains(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(String.join("\n", agent.stdoutLines())).doesNotContain(KEY);
        assertThat(agent.stderr()).doesNotContain(KEY);
        assertThat(Files.readString(trace)).doesNotContain(KEY).contains("authenticate");
    }

    /** The acceptance check as a user would write it: BROWSER is a shell script that submits the page with curl. */
    @Test
    void aCurlScriptAsBrowserSubmitsTheKeyPage() throws Exception {
        Path curl = Path.of("/usr/bin/curl");
        if (!Files.isExecutable(curl)) {
            System.err.println("SKIPPED aCurlScriptAsBrowserSubmitsTheKeyPage: no /usr/bin/curl on this machine");
            Assumptions.abort("no /usr/bin/curl");
        }
        Path cookies = home.resolve("cookies.txt");
        Path script = fakeBrowser("curl-browser", String.join("\n",
                "page=\"$(" + curl + " -s -c '" + cookies + "' \"$1\")\"",
                "token=\"$(printf '%s' \"$page\" | sed -n 's/.*name=\"csrf\" value=\"\\([^\"]*\\)\".*/\\1/p')\"",
                "origin=\"$(printf '%s' \"$1\" | sed 's|^\\(http://[^/]*\\).*|\\1|')\"",
                curl + " -s -b '" + cookies + "' -H \"Origin: $origin\" --data-urlencode \"csrf=$token\""
                        + " --data-urlencode 'key=" + KEY + "' \"$1\" >/dev/null", ""));
        AgentProcess agent = start(Map.of("BROWSER", script.toString()), "--config", config.toString());
        agent.initialize(Map.of());
        JsonNode answer = agent.call("authenticate", Map.of("methodId", "llm-page"));
        assertThat(answer.get("result")).as(answer + "\n" + agent.stderr()).isNotNull();
        assertThat(Files.readString(home.resolve(".config/acp4j/credentials.json"))).contains(KEY);
        agent.newSession(home);
        assertThat(agent.stderr()).doesNotContain(KEY);
    }

    @Test
    void oauthOpensTheAuthorizationUrlInTheBrowserAndSignsIn() throws Exception {
        Waiting waiting = signInThroughTheBrowser("example-oauth");
        AgentProcess agent = waiting.agent();
        long authId = waiting.authId();
        URI authorization = waiting.url();
        assertThat(authorization.toString()).startsWith(issuer + "/authorize?");

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI redirect = URI.create(http.send(HttpRequest.newBuilder(authorization).GET().build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow());
        assertThat(redirect.toString()).startsWith("http://127.0.0.1:");
        assertThat(http.send(HttpRequest.newBuilder(redirect).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        JsonNode answer = agent.awaitResponse(authId);
        assertThat(answer.get("result")).as(answer.toString()).isNotNull();
        assertThat(answer.get("result").isEmpty()).isTrue();
        agent.newSession(home);
        JsonNode stored = AgentProcess.JSON.readTree(home.resolve(".config/acp4j/credentials.json").toFile())
                .at("/credentials/example");
        assertThat(stored.get("kind").asText()).isEqualToIgnoringCase("oauth2");
        assertThat(agent.stderr()).doesNotContain(stored.get("secret").asText());
    }

    @Test
    void aRemoteSessionOrAcp4jNoBrowserFailsAtOnceWithoutRunningTheOpener() throws Exception {
        for (Map<String, String> env : List.of(
                Map.of("BROWSER", fakeBrowser.toString(), "SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22"),
                Map.of("BROWSER", fakeBrowser.toString(), "SSH_TTY", "/dev/pts/3"),
                Map.of("BROWSER", fakeBrowser.toString(), "ACP4J_NO_BROWSER", "1"))) {
            AgentProcess agent = start(env, "--config", config.toString());
            agent.initialize(Map.of());
            for (String method : List.of("llm-page", "example-oauth")) {
                JsonNode refused = agent.call("authenticate", Map.of("methodId", method));
                assertThat(refused.at("/error/code").asInt()).as(refused.toString()).isEqualTo(-32000);
                String message = refused.at("/error/message").asText();
                assertThat(message).as(env.toString()).contains("--login " + method).contains("in a terminal");
                if (method.equals("llm-page")) {
                    assertThat(message).contains("set LLM_API_KEY and restart");
                }
                assertThat(refused.at("/error/data/availableMethodIds").toString()).isEqualTo("[\"llm-env\"]");
            }
            assertThat(agent.poll(300)).as("nothing else is sent").isNull();
        }
        assertThat(opened).as("the opener never ran").doesNotExist();
    }

    @Test
    void aDeviceCodeSignInNeedsAnElicitationToShowTheCode() throws Exception {
        AgentProcess agent = start(Map.of("BROWSER", fakeBrowser.toString()), "--config", config.toString());
        agent.initialize(Map.of());
        JsonNode refused = agent.call("authenticate", Map.of("methodId", "example-device"));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(refused.at("/error/message").asText()).contains("device-code").contains("--login example-device");
        assertThat(opened).as("the opener never ran").doesNotExist();
    }

    @Test
    void aMissingOrFailingOpenerFailsWithWhatToDoInstead() throws Exception {
        AgentProcess missing = start(Map.of("BROWSER", home.resolve("no-such-browser").toString()),
                "--config", config.toString());
        missing.initialize(Map.of());
        JsonNode refused = missing.call("authenticate", Map.of("methodId", "llm-page"));
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(refused.at("/error/message").asText()).contains("BROWSER").contains("--login llm-page");

        Path failing = fakeBrowser("failing-browser", "exit 3\n");
        AgentProcess broken = start(Map.of("BROWSER", failing.toString()), "--config", config.toString());
        broken.initialize(Map.of());
        JsonNode failed = broken.call("authenticate", Map.of("methodId", "llm-page"));
        assertThat(failed.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(failed.at("/error/message").asText()).contains("exited with status 3").contains("--login llm-page");
    }

    @Test
    void aWaitThatNobodyEndsTimesOutWithTheUsualError() throws Exception {
        Path quick = home.resolve("quick.json");
        Files.writeString(quick, Files.readString(config).replace("\"elicitationTimeoutSeconds\": 20",
                "\"elicitationTimeoutSeconds\": 1"));
        Waiting waiting = signInThroughTheBrowser("llm-page", "--config", quick.toString());
        JsonNode timedOut = waiting.agent().awaitResponse(waiting.authId());
        assertThat(timedOut.at("/error/code").asInt()).as(timedOut.toString()).isEqualTo(-32000);
        assertThat(timedOut.at("/error/message").asText()).contains("not completed within 1 second;");
    }

    @Test
    void cancellingOrEndingInputEndsTheWait() throws Exception {
        Waiting waiting = signInThroughTheBrowser("llm-page");
        waiting.agent().notify("$/cancel_request", Map.of("requestId", waiting.authId()));
        JsonNode cancelled = waiting.agent().awaitResponse(waiting.authId());
        assertThat(cancelled.at("/error/code").asInt()).as(cancelled.toString()).isEqualTo(-32800);
        assertThat(pageIsGone(waiting.url())).as("the one-time page closes with the wait").isTrue();

        Files.delete(opened);
        AgentProcess eof = signInThroughTheBrowser("llm-page").agent();
        eof.closeStdin();
        assertThat(eof.waitFor(10_000)).as("exits promptly on EOF during the wait").isTrue();
        assertThat(eof.exitCode()).isZero();
        assertThat(home.resolve(".config/acp4j/credentials.json")).doesNotExist();
    }

    private String awaitOpenedUrl() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(opened)) {
                List<String> lines = Files.readAllLines(opened);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return lines.get(0);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the agent never ran the browser");
    }

    private Path fakeBrowser(String name, String body) throws Exception {
        Path script = home.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static boolean pageIsGone(URI url) throws InterruptedException {
        try {
            return new ScriptedBrowser().open(url).status() == 410;
        } catch (java.io.IOException e) {
            return true;
        }
    }

}
