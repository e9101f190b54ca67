package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's load and fault cases through the real launcher: a thousand prompt turns in flight
 * at once, a client that stops reading, stdin closing in the middle of a sign-in, and
 * several logins writing one credential store at the same time.
 */
class LoadAndFaultsIT extends LauncherTestBase {

    private static final Map<String, Object> URL_CLIENT = Map.of("elicitation", Map.of("url", Map.of()));
    private static final long GENEROUS_EXIT_MILLIS = 10_000;

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = home.resolve("keys.json");
        StringBuilder methods = new StringBuilder();
        for (String provider : List.of("alpha", "beta", "gamma", "delta")) {
            methods.append(methods.length() == 0 ? "" : ",").append("""
                    {"id": "%1$s-page", "type": "api_key_page", "name": "Enter a %1$s key", "provider": "%1$s"}"""
                    .formatted(provider));
        }
        Files.writeString(config, "{\"authMethods\": [" + methods + "]}");
    }

    @Test
    void aThousandPromptTurnsInFlightAtOnceAreEachAnsweredExactlyOnce() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        int turns = 1000;
        StringBuilder sessions = new StringBuilder();
        for (int i = 0; i < turns; i++) {
            sessions.append("{\"jsonrpc\":\"2.0\",\"id\":\"s").append(i).append("\",\"method\":\"session/new\",\"params\":{\"cwd\":")
                    .append(AgentProcess.JSON.writeValueAsString(home.toString())).append(",\"mcpServers\":[]}}\n");
        }
        agent.sendBytes(sessions.toString().getBytes(StandardCharsets.UTF_8));
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            String id = "s" + i;
            sessionIds.add(agent.await(m -> id.equals(m.path("id").asText()) && !m.has("method"), 30_000)
                    .at("/result/sessionId").asText());
        }

        long started = System.nanoTime();
        StringBuilder prompts = new StringBuilder();
        for (int i = 0; i < turns; i++) {
            prompts.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"session/prompt\",\"params\":{")
                    .append("\"sessionId\":\"").append(sessionIds.get(i)).append("\",")
                    .append("\"prompt\":[{\"type\":\"text\",\"text\":\"/stream 5\"}]}}\n");
        }
        agent.sendBytes(prompts.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> chunks = new HashMap<>();
        Set<Integer> answered = new HashSet<>();
        int maxInFlight = 0;
        while (answered.size() < turns) {
            JsonNode message = agent.next(60_000);
            if ("session/update".equals(message.path("method").asText())) {
                if ("agent_message_chunk".equals(message.at("/params/update/sessionUpdate").asText())) {
                    chunks.computeIfAbsent(message.at("/params/sessionId").asText(), k -> new ArrayList<>())
                            .add(message.at("/params/update/content/text").asText());
                    maxInFlight = Math.max(maxInFlight, chunks.size() - answered.size());
                }
                continue;
            }
            assertThat(message.has("id")).as(message.toString()).isTrue();
            assertThat(answered.add(message.get("id").asInt())).as("answered twice: %s", message).isTrue();
            assertThat(message.at("/result/stopReason").asText()).as(message.toString()).isEqualTo("end_turn");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("%d prompt turns sent at once: all answered in %d ms, up to %d turns streaming at the same time%n",
                turns, millis, maxInFlight);
        assertThat(chunks).hasSize(turns);
        List<String> expected = List.of("chunk 1/5\n", "chunk 2/5\n", "chunk 3/5\n", "chunk 4/5\n", "chunk 5/5\n");
        assertThat(chunks.values()).allSatisfy(perSession -> assertThat(perSession).isEqualTo(expected));
        assertThat(agent.poll(300)).as("no answer twice").isNull();
    }

    @Test
    void aClientThatStopsReadingBlocksTheAgentWithoutLosingAnything() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString(), "--trace", trace.toString());
        agent.initialize(Map.of());
        String streaming = agent.newSession(home);
        List<String> echoing = List.of(agent.newSession(home), agent.newSession(home));
        for (String session : List.of(streaming, echoing.get(0), echoing.get(1))) {
            agent.await(m -> session.equals(m.at("/params/sessionId").asText()), 10_000);
        }
        String big = "x".repeat(512 * 1024);

        // Each echo is one 512 KiB line, far more than the pipe holds; the reader may take one more line.
        agent.pauseReading();
        long stream = agent.request("session/prompt", Map.of("sessionId", streaming,
                "prompt", List.of(Map.of("type", "text", "text", "/stream 150"))));
        List<Long> echoes = new ArrayList<>();
        for (String session : echoing) {
            echoes.add(agent.request("session/prompt", Map.of("sessionId", session,
                    "prompt", List.of(Map.of("type", "text", "text", "/echo " + big)))));
        }
        Thread.sleep(3_000);
        assertThat(agent.waitFor(0)).as("the agent is alive while its client does not read").isFalse();
        List<String> outWhilePaused = Files.readAllLines(trace).stream().filter(l -> l.contains("\"dir\":\"out\"")).toList();
        String writtenWhilePaused = String.join("\n", outWhilePaused);
        // Each echo is far more than the pipe and the output queue (64 KiB) hold, so neither echo
        // turn can end (an echo takes 1 ms): the writer blocks, it does not buffer. The streaming
        // turn's 150 short chunks fit in the queue when another writer has just taken the queue
        // with both echoes in it, so whether it ends in those 3 s depends on that race, and is not asserted.
        for (long echo : echoes) {
            assertThat(writtenWhilePaused).as("echo turn %d ended while its client did not read", echo)
                    .doesNotContain("\"msg\":{\"jsonrpc\":\"2.0\",\"id\":" + echo + ",\"result\"");
        }
        agent.resumeReading();

        List<JsonNode> updates = new ArrayList<>();
        Map<Long, JsonNode> answers = new HashMap<>();
        while (answers.size() < 3) {
            JsonNode message = agent.next(60_000);
            if (message.has("method")) {
                updates.add(message);
            } else {
                answers.put(message.get("id").asLong(), message);
            }
        }
        assertThat(answers.values()).allSatisfy(a -> assertThat(a.at("/result/stopReason").asText()).isEqualTo("end_turn"));
        assertThat(answers).containsKey(stream);
        List<String> streamed = new ArrayList<>();
        Map<String, StringBuilder> echoed = new HashMap<>();
        for (JsonNode m : updates) {
            if (!"agent_message_chunk".equals(m.at("/params/update/sessionUpdate").asText())) {
                continue; // e.g. the title a session gets from its first prompt
            }
            String session = m.at("/params/sessionId").asText();
            String text = m.at("/params/update/content/text").asText();
            if (streaming.equals(session)) {
                streamed.add(text);
            } else {
                echoed.computeIfAbsent(session, k -> new StringBuilder()).append(text);
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            expected.add("chunk " + i + "/150\n");
        }
        assertThat(streamed).as("every chunk, in order").isEqualTo(expected);
        assertThat(echoed.keySet()).containsExactlyInAnyOrderElementsOf(echoing);
        assertThat(echoed.values()).as("each 512 KiB echo, whole").allSatisfy(text -> assertThat(text.toString()).isEqualTo(big));
        System.out.printf("slow reader: %d lines written before the agent blocked, %d updates delivered after resuming%n",
                outWhilePaused.size(), updates.size());
        assertThat(agent.call("initialize", Map.of("protocolVersion", 1)).has("result")).isTrue();
    }

    @Test
    void endOfInputDuringAnApiKeyPageSignInExitsPromptlyAndLeavesTheStoreIntact() throws Exception {
        endInputDuringSignIn(config, "beta-page", "API-key page");
    }

    @Test
    void endOfInputDuringAnOAuthSignInExitsPromptlyAndLeavesTheStoreIntact() throws Exception {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        try {
            URI issuer = URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/default");
            Path oauthConfig = home.resolve("oauth.json");
            Files.writeString(oauthConfig, """
                    {"authMethods": [
                      {"id": "example-oauth", "type": "oauth2", "name": "Sign in with Example", "provider": "example",
                       "issuer": "%s", "clientId": "acp4j-test", "scopes": ["openid"], "flow": "authorization_code"}
                    ]}""".formatted(issuer));
            JsonNode elicitation = endInputDuringSignIn(oauthConfig, "example-oauth", "OAuth redirect");
            assertThat(elicitation.at("/params/url").asText()).startsWith(issuer.toString());
        } finally {
            server.shutdown();
        }
    }

    /**
     * Stores an "alpha" key from the terminal, then closes stdin while {@code methodId}'s sign-in
     * waits for the user: the agent exits 0 promptly and the store is as it was.
     */
    private JsonNode endInputDuringSignIn(Path configFile, String methodId, String during) throws Exception {
        Path store = loginOnTheTerminal("alpha", key("alpha"));
        byte[] before = Files.readAllBytes(store);
        AgentProcess agent = start(Map.of(), "--config", configFile.toString());
        agent.initialize(URL_CLIENT);
        agent.request("authenticate", Map.of("methodId", methodId));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 10_000);
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        long closedAt = System.nanoTime();
        agent.closeStdin();
        assertThat(agent.waitFor(GENEROUS_EXIT_MILLIS)).as("exit after stdin EOF during the " + during + " wait").isTrue();
        System.out.printf("stdin EOF during the %s wait → exit: %d ms%n", during,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt));
        assertThat(agent.exitCode()).as(agent.stderr()).isZero();
        assertThat(Files.readAllBytes(store)).as("the store, byte for byte").isEqualTo(before);
        assertStoreHolds(store, "alpha");
        return elicitation;
    }

    @Test
    void fourLoginsAtOnceOnOneStoreAllLand() throws Exception {
        List<String> providers = List.of("alpha", "beta", "gamma", "delta");
        List<AgentProcess> logins = new ArrayList<>();
        for (String provider : providers) {
            AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", provider + "-page");
            skipTranscriptCheck(login);
            logins.add(login);
        }
        for (AgentProcess login : logins) {
            waitForPrompt(login);
        }
        for (int i = 0; i < logins.size(); i++) {
            logins.get(i).sendRaw(key(providers.get(i)));
        }
        for (AgentProcess login : logins) {
            login.closeStdin();
        }
        for (AgentProcess login : logins) {
            assertThat(login.waitFor(30_000)).isTrue();
            assertThat(login.exitCode()).as(login.stderr()).isZero();
        }
        Path store = credentialFile();
        assertStoreHolds(store, providers.toArray(String[]::new));
        JsonNode credentials = AgentProcess.JSON.readTree(store.toFile()).get("credentials");
        for (String provider : providers) {
            assertThat(credentials.at("/" + CredentialStore.key(provider, CredentialKind.API_KEY) + "/secret").asText())
                    .isEqualTo(key(provider));
        }
    }

    private static String key(String provider) {
        return "sk-" + provider + "-0123456789abcdef";
    }

    private Path loginOnTheTerminal(String provider, String key) throws Exception {
        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", provider + "-page");
        skipTranscriptCheck(login);
        login.sendRaw(key);
        login.closeStdin();
        assertThat(login.waitFor(30_000)).isTrue();
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        return credentialFile();
    }

    private static void assertStoreHolds(Path store, String... providers) throws Exception {
        JsonNode root = AgentProcess.JSON.readTree(store.toFile());
        assertThat(root.get("credentials").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder(Stream.of(providers).map(p -> CredentialStore.key(p, CredentialKind.API_KEY))
                        .toArray(String[]::new));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        try (Stream<Path> siblings = Files.list(store.getParent())) {
            String name = store.getFileName().toString();
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .as("no temporary or damaged-file copies beside the store")
                    .allMatch(sibling -> sibling.equals(name) || sibling.equals(name + ".lock"));
        }
    }

    private static void waitForPrompt(AgentProcess login) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!login.stderr().contains("Paste the key: ")) {
            assertThat(System.nanoTime()).as("the login prompts for a key; stderr: " + login.stderr()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Path credentialFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }
}
