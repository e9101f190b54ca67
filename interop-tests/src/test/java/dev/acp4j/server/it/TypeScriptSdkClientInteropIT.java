package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official ACP TypeScript SDK as a client of {@code bin/acp4j}: {@code @agentclientprotocol/sdk}
 * 2.4.0 through its {@code client()} app API, and 1.9.0 through its {@code ClientSideConnection}
 * (removed in 2.x). {@code src/test/node/client.mjs} spawns the agent and runs initialize →
 * authenticate ({@code env_var}) → authenticate ({@code api_key_page}: the SDK's elicitation
 * handler passes the URL here, a scripted browser submits the key page, the handler accepts) →
 * session/new → a prompt streamed to {@code end_turn} → a long turn cancelled.
 *
 * <p>The SDKs are installed once per build with {@code npm ci} into {@code target/ts-client}
 * (skipped when that install is current). Without {@code node} and {@code npm} on the PATH the
 * tests are skipped, and say so loudly in the build output.
 */
class TypeScriptSdkClientInteropIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_VARIABLE = "INTEROP_API_KEY";
    private static final String ENV_KEY = "interop-ts-env-key-0123456789";
    private static final String PAGE_KEY = "interop-ts-page-key-9876543210";
    private static final long FLOW_TIMEOUT_SECONDS = 120;

    private static Path node;
    private static Path clientDir;
    /** Why the tests cannot run here, or null. */
    private static String missing;

    @TempDir
    Path home;

    @BeforeAll
    static void installTheSdksOnce() throws Exception {
        Optional<Path> npm = onPath("npm");
        Optional<Path> nodeBinary = onPath("node");
        if (npm.isEmpty() || nodeBinary.isEmpty()) {
            String message = "TypeScriptSdkClientInteropIT SKIPPED: node and npm are needed on the PATH to install "
                    + "@agentclientprotocol/sdk 2.4.0 and 1.9.0 (found node: " + nodeBinary.isPresent() + ", npm: "
                    + npm.isPresent() + "). The TypeScript SDK clients were NOT tried against bin/acp4j.";
            System.out.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
            missing = message;
            return;
        }
        node = nodeBinary.get();
        Path sources = Path.of(System.getProperty("interop.node.sources", "src/test/node"));
        clientDir = Path.of(System.getProperty("interop.node.dir", "target/ts-client"));
        Files.createDirectories(clientDir);
        for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
            Files.copy(sources.resolve(file), clientDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path installedLock = clientDir.resolve("node_modules").resolve(".installed-package-lock.json");
        if (Files.exists(installedLock) && Files.mismatch(installedLock, sources.resolve("package-lock.json")) == -1) {
            System.out.println("TypeScriptSdkClientInteropIT: the SDKs in " + clientDir + " are current; no npm install");
            return;
        }
        Path log = clientDir.resolve("npm-install.log");
        Process install = new ProcessBuilder(npm.get().toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(clientDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = install.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            install.destroyForcibly();
        }
        assertThat(done && install.exitValue() == 0).as("npm ci in %s:\n%s", clientDir, Files.readString(log)).isTrue();
        Files.copy(sources.resolve("package-lock.json"), installedLock, StandardCopyOption.REPLACE_EXISTING);
    }

    @BeforeEach
    void skipWithoutNode() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @ParameterizedTest(name = "{0} API of @agentclientprotocol/sdk {1}")
    @CsvSource({"app, 2.4.0", "connection, 1.9.0"})
    void theTypeScriptSdkClientSignsInTwicePromptsToEndTurnAndCancelsALongTurn(String flavor, String sdkVersion)
            throws Exception {
        Path trace = home.resolve("trace.jsonl");
        Path stderr = home.resolve("client-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), clientDir.resolve("client.mjs").toString(), flavor,
                AgentProcess.launcher().toString(), InteropSupport.writeConfig(home, KEY_VARIABLE).toString(),
                trace.toString(), home.toString())
                .directory(clientDir.toFile()).redirectError(stderr.toFile());
        InteropSupport.isolate(builder.environment(), home);
        builder.environment().put(KEY_VARIABLE, ENV_KEY);
        Process client = builder.start();
        client.getOutputStream().close();

        List<String> lines = new ArrayList<>();
        JsonNode report = null;
        int exitOfAgent = -1;
        ScriptedBrowser browser = new ScriptedBrowser();
        Thread watchdog = watchdog(client);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                JsonNode event = JSON.readTree(line);
                switch (event.path("event").asText()) {
                    case "elicitation" -> submitKeyPage(browser, event);
                    case "report" -> report = event;
                    case "agent-exit" -> exitOfAgent = event.path("code").asInt();
                    default -> throw new AssertionError("the " + flavor + " client failed: " + line + "\nits stderr:\n"
                            + Files.readString(stderr));
                }
            }
        } finally {
            watchdog.interrupt();
            if (!client.waitFor(10, TimeUnit.SECONDS)) {
                end(client);
            }
        }
        String clientStderr = Files.readString(stderr);
        assertThat(client.exitValue()).as("the client's exit; stdout %s, stderr:\n%s", lines, clientStderr).isZero();
        assertThat(report).as("the client's report; stdout %s", lines).isNotNull();

        assertThat(report.path("sdk").asText()).isEqualTo(sdkVersion);
        assertThat(report.at("/initialize/protocolVersion").asInt()).isEqualTo(1);
        assertThat(report.at("/initialize/authMethodIds").toString()).contains("\"interop-env\"", "\"interop-page\"");
        assertThat(report.get("authenticateEnv")).as("authenticate with the env_var method").isEqualTo(JSON.createObjectNode());
        assertThat(report.get("authenticatePage")).as("authenticate with the api_key_page method")
                .isEqualTo(JSON.createObjectNode());
        assertThat(report.get("elicitations")).hasSize(1);
        assertThat(report.at("/elicitations/0/mode").asText()).isEqualTo("url");
        assertThat(report.get("elicitationsCompleted")).as("elicitation/complete received").hasSize(1);
        assertThat(InteropSupport.completeSentBeforeAnswer(trace, "interop-page"))
                .as("elicitation/complete written before the authenticate answer").isTrue();
        assertThat(report.at("/prompt/stopReason").asText()).isEqualTo("end_turn");
        assertThat(report.at("/prompt/chunks").toString())
                .isEqualTo("[\"chunk 1/5\\n\",\"chunk 2/5\\n\",\"chunk 3/5\\n\",\"chunk 4/5\\n\",\"chunk 5/5\\n\"]");
        assertThat(report.at("/cancel/stopReason").asText()).isEqualTo("cancelled");
        assertThat(report.at("/cancel/chunks").asInt()).isBetween(1, 299);
        assertThat(exitOfAgent).as("the agent's exit status once the client closed its stdin").isZero();

        Path store = InteropSupport.credentialStore(home);
        assertThat(Files.readString(store)).contains("interop-page").contains(PAGE_KEY);
        InteropSupport.assertOwnerOnly(store);
        assertThat(String.join("\n", lines) + clientStderr + Files.readString(trace)).as("stdout, stderr and trace")
                .doesNotContain(PAGE_KEY).doesNotContain(ENV_KEY);
        InteropSupport.assertAgentLinesValid(trace);
    }

    /** What the user does with the URL the client shows: open the page, paste the key, submit. */
    private static void submitKeyPage(ScriptedBrowser browser, JsonNode elicitation) throws Exception {
        String url = elicitation.path("url").asText();
        assertThat(url).startsWith("http://127.0.0.1:");
        ScriptedBrowser.Page form = browser.open(URI.create(url));
        assertThat(form.status()).as("the key page").isEqualTo(200);
        ScriptedBrowser.Page done = browser.submitPassword(form, PAGE_KEY);
        assertThat(done.status()).as("the key page after submitting: %s", done.body()).isEqualTo(200);
    }

    /** Ends a client that hangs, so a broken flow fails the test instead of the build's patience. */
    private static Thread watchdog(Process client) {
        Thread thread = new Thread(() -> {
            try {
                if (!client.waitFor(FLOW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println("TypeScriptSdkClientInteropIT: the client did not finish within "
                            + FLOW_TIMEOUT_SECONDS + " s; ending it");
                    end(client);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ts-client-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void end(Process client) {
        client.descendants().forEach(ProcessHandle::destroyForcibly);
        client.destroyForcibly();
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir).resolve(command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
