package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 2: the agent killed (SIGKILL and SIGTERM, alternately) at random moments while
 * it writes the credential store (a {@code --login}, an OAuth refresh that rotates the refresh
 * token) or the session store (a streaming turn). After every kill the store must read back
 * whole, nothing stored before the write may be lost, and a session keeps every update the
 * killed process had sent to its client.
 *
 * <p>{@code -Dacp4j.crash.kills=N} sets the kills per signal and kind (10 by default: 20 kills
 * per kind in {@code mvn verify}); {@code bench/crash-safety} runs it with 200.
 * {@code -Dacp4j.crash.seed=S} replays one run's random moments.
 */
class CrashSafetyLauncherIT extends LauncherTestBase {

    private static final int KILLS_PER_SIGNAL = Integer.getInteger("acp4j.crash.kills", 10);
    private static final long SEED = Long.getLong("acp4j.crash.seed", System.nanoTime());
    private static final int PROVIDERS = 4;
    private static MockIssuer issuer;

    private final Random random = new Random(SEED);

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        issuer = MockIssuer.start();
    }

    @AfterAll
    static void stopAuthorizationServer() {
        issuer.close();
    }

    private enum Signal {
        SIGKILL, SIGTERM;

        static Signal of(int kill) {
            return kill % 2 == 0 ? SIGKILL : SIGTERM;
        }

        void send(AgentProcess process) throws InterruptedException {
            if (this == SIGKILL) {
                process.kill();
            } else {
                process.terminate();
            }
        }
    }

    /** How the kills fell: before the process had done its work, or after it had finished. */
    private static final class Tally {
        private final String kind;
        private int killed;
        private int finishedFirst;
        private int changed;

        Tally(String kind) {
            this.kind = kind;
        }

        void report() {
            System.err.printf("crash-safety %s: %d kills (seed %d), %d while running, %d after the process had"
                    + " finished, %d left a changed store%n", kind, killed + finishedFirst, SEED, killed,
                    finishedFirst, changed);
        }
    }

    @Test
    void killedLoginsNeverLoseAStoredKeyAndLeaveAReadableStore() throws Exception {
        Path config = writeKeyConfig(home.resolve("keys.json"), PROVIDERS);
        CredentialStore store = new CredentialStore(credentialFile());

        long unkilled = timedLogin(config, 0, "sk-crash-first-0000000000");
        Map<String, String> expected = secrets(store);
        assertThat(expected).containsOnlyKeys("prov0");

        Tally tally = new Tally("logins");
        for (int kill = 0; kill < 2 * KILLS_PER_SIGNAL; kill++) {
            int provider = random.nextInt(PROVIDERS);
            String key = "sk-crash-" + kill + "-" + Long.toHexString(random.nextLong());
            AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "key" + provider);
            skipTranscriptCheck(login);
            login.sendRaw(key);
            login.closeStdin();
            Thread.sleep(random.nextLong((long) (unkilled * 0.9) + 1));
            count(tally, login);
            Signal.of(kill).send(login);

            assertReadable(credentialFile());
            Map<String, String> after = secrets(store);
            String target = "prov" + provider;
            for (Map.Entry<String, String> before : expected.entrySet()) {
                assertThat(after).as("kill %d (%s): a credential stored before the login", kill, Signal.of(kill))
                        .containsKey(before.getKey());
                if (!before.getKey().equals(target)) {
                    assertThat(after.get(before.getKey())).isEqualTo(before.getValue());
                }
            }
            assertThat(after.keySet()).isSubsetOf(union(expected.keySet(), target));
            if (after.containsKey(target)) {
                assertThat(after.get(target)).isIn(expected.get(target), key);
            }
            if (!after.equals(expected)) {
                tally.changed++;
            }
            expected = after;
        }
        tally.report();

        AgentProcess status = start(Map.of(), "--config", config.toString(), "--status");
        skipTranscriptCheck(status);
        status.closeStdin();
        assertThat(status.waitFor(20_000)).isTrue();
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        for (String provider : expected.keySet()) {
            assertThat(String.join("\n", status.stdoutLines())).containsPattern(provider + " +API key +stored");
        }
    }

    @Test
    void killedRefreshesKeepTheSignInAndTheOtherCredentials() throws Exception {
        Path config = issuer.writeConfig(home.resolve("oauth.json"));
        CredentialStore store = new CredentialStore(credentialFile());
        store.put("other", StoredCredential.apiKey("other", "other-key", "sk-other-5b4a3c2d1e0f", Instant.now()));
        store.put("example", issuer.expiringSignIn("at-expiring"));

        long unkilled = timedRefresh(config, store);
        Tally tally = new Tally("refreshes");
        for (int kill = 0; kill < 2 * KILLS_PER_SIGNAL; kill++) {
            StoredCredential before = expireSoon(store);
            AgentProcess agent = start(Map.of(), "--config", config.toString());
            skipTranscriptCheck(agent);
            agent.initialize(Map.of());
            agent.request("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
            Thread.sleep(random.nextLong((long) (unkilled * 1.3) + 1));
            count(tally, agent);
            Signal.of(kill).send(agent);

            assertReadable(credentialFile());
            assertThat(store.get("other")).as("kill %d (%s): the other credential", kill, Signal.of(kill))
                    .hasValueSatisfying(c -> assertThat(c.secret()).isEqualTo("sk-other-5b4a3c2d1e0f"));
            StoredCredential after = store.get("example").orElseThrow(() ->
                    new AssertionError("the sign-in was lost by a killed refresh"));
            assertThat(after.kind()).isEqualTo(CredentialKind.OAUTH2);
            assertThat(after.refreshToken()).isNotBlank();
            if (after.secret().equals(before.secret())) {
                assertThat(after.refreshToken()).as("the old access token goes with the old refresh token")
                        .isEqualTo(before.refreshToken());
            } else {
                tally.changed++;
                assertThat(after.expiresAt()).isAfter(Instant.now().plusSeconds(600));
            }
        }
        tally.report();
        timedRefresh(config, store);
    }

    @Test
    void killedStreamingTurnsKeepEveryUpdateTheClientSaw() throws Exception {
        Path project = Files.createDirectories(home.resolve("project"));
        AgentProcess first = agent();
        String sessionId = first.newSession(project);
        first.closeStdin();
        assertThat(first.waitFor(10_000)).isTrue();

        Tally tally = new Tally("streaming turns");
        List<String> stored = List.of();
        List<String> sentByKilled = List.of();
        String lastPrompt = null;
        for (int kill = 0; kill <= 2 * KILLS_PER_SIGNAL; kill++) {
            AgentProcess agent = agent();
            long loadId = agent.request("session/load", Map.of("sessionId", sessionId, "cwd", project.toString(),
                    "mcpServers", List.of()));
            List<JsonNode> replay = new ArrayList<>();
            JsonNode loaded = agent.collectUntilResponse(loadId, replay);
            assertThat(loaded.has("result")).as("kill %d: %s", kill, loaded).isTrue();
            List<String> conversation = conversation(replay);
            assertStartsWith(conversation, stored, "kill %d: nothing stored before the killed turn is lost", kill);
            List<String> turn = conversation.subList(stored.size(), conversation.size());
            assertKilledTurn(kill, lastPrompt, sentByKilled, turn);
            if (!turn.isEmpty()) {
                tally.changed++;
            }
            JsonNode listed = agent.call("session/list", Map.of()).at("/result/sessions");
            assertThat(listed.findValuesAsText("sessionId")).contains(sessionId);
            if (kill == 2 * KILLS_PER_SIGNAL) {
                assertThat(agent.call("session/prompt", Map.of("sessionId", sessionId,
                        "prompt", List.of(Map.of("type", "text", "text", "/echo after the kills")))).at("/result/stopReason")
                        .asText()).isEqualTo("end_turn");
                break;
            }
            skipTranscriptCheck(agent);
            stored = conversation;
            if (kill > 0 && kill % 20 == 0) {
                sessionId = agent.newSession(project);
                stored = List.of();
            }
            lastPrompt = random.nextBoolean() ? "/stream " + (10 + random.nextInt(40)) : "/burst " + (100 + random.nextInt(2000));
            agent.request("session/prompt", Map.of("sessionId", sessionId,
                    "prompt", List.of(Map.of("type", "text", "text", lastPrompt))));
            Thread.sleep(random.nextLong(500));
            count(tally, agent);
            Signal.of(kill).send(agent);
            sentByKilled = sentUpdates(agent, sessionId, loadId);
        }
        tally.report();
    }

    /** The killed turn in the store: its prompt, then the first chunks of its reply, at least those the client saw. */
    private static void assertKilledTurn(int kill, String prompt, List<String> sent, List<String> turn) {
        if (prompt == null) {
            assertThat(turn).isEmpty();
            return;
        }
        if (turn.isEmpty()) {
            assertThat(sent).as("kill %d: the killed process sent updates the store lost (%s)", kill, prompt).isEmpty();
            return;
        }
        assertThat(turn.get(0)).isEqualTo("user: " + prompt);
        List<String> reply = turn.subList(1, turn.size());
        assertThat(reply.size()).as("kill %d: every update the killed process sent is kept (%s)", kill, prompt)
                .isGreaterThanOrEqualTo(sent.size());
        assertStartsWith(reply, sent, "kill %d: what the client saw is the start of what was stored", kill);
        int total = Integer.parseInt(prompt.substring(prompt.indexOf(' ') + 1));
        for (int i = 1; i < turn.size(); i++) {
            assertThat(turn.get(i)).as("kill %d: update %d of the killed turn", kill, i)
                    .isEqualTo("agent: chunk " + i + "/" + total + "\n");
        }
    }

    private static void assertStartsWith(List<String> actual, List<String> prefix, String description, Object... args) {
        assertThat(actual.size()).as(description, args).isGreaterThanOrEqualTo(prefix.size());
        assertThat(actual.subList(0, prefix.size())).as(description, args).isEqualTo(prefix);
    }

    /** The user and agent message chunks of a replay (or of what a process sent), in order. */
    private static List<String> conversation(List<JsonNode> updates) {
        List<String> lines = new ArrayList<>();
        for (JsonNode update : updates) {
            String kind = update.at("/params/update/sessionUpdate").asText();
            String text = update.at("/params/update/content/text").asText();
            if (kind.equals("user_message_chunk")) {
                lines.add("user: " + text);
            } else if (kind.equals("agent_message_chunk")) {
                lines.add("agent: " + text);
            }
        }
        return lines;
    }

    /** What the killed process had written to stdout about its turn, after answering {@code session/load}. */
    private static List<String> sentUpdates(AgentProcess agent, String sessionId, long loadId) throws Exception {
        List<JsonNode> updates = new ArrayList<>();
        boolean loaded = false;
        for (String line : agent.stdoutLines()) {
            JsonNode message;
            try {
                message = AgentProcess.JSON.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            if (!loaded) {
                loaded = message.path("id").asLong(-1) == loadId && !message.has("method");
                continue;
            }
            if ("session/update".equals(message.path("method").asText())
                    && sessionId.equals(message.at("/params/sessionId").asText())) {
                updates.add(message);
            }
        }
        return conversation(updates).stream().filter(line -> line.startsWith("agent: ")).toList();
    }

    private AgentProcess agent() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        return agent;
    }

    private static void count(Tally tally, AgentProcess process) {
        if (process.isAlive()) {
            tally.killed++;
        } else {
            tally.finishedFirst++;
        }
    }

    /** An uninterrupted login, timed: the kills fall anywhere in the same span. */
    private long timedLogin(Path config, int provider, String key) throws Exception {
        long started = System.nanoTime();
        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "key" + provider);
        skipTranscriptCheck(login);
        login.sendRaw(key);
        login.closeStdin();
        assertThat(login.waitFor(20_000)).isTrue();
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** An uninterrupted refresh from {@code session/new} to its answer, timed; it must succeed. */
    private long timedRefresh(Path config, CredentialStore store) throws Exception {
        StoredCredential before = expireSoon(store);
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(Map.of());
        long started = System.nanoTime();
        agent.newSession(home);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        StoredCredential after = store.get("example").orElseThrow();
        assertThat(after.secret()).as("refreshed").isNotEqualTo(before.secret());
        assertThat(after.refreshToken()).isNotBlank();
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        return millis;
    }

    /** Moves the sign-in's expiry into the refresh margin, tokens unchanged. */
    private static StoredCredential expireSoon(CredentialStore store) {
        return store.update(credentials -> {
            StoredCredential c = credentials.get("example");
            StoredCredential soon = new StoredCredential(c.provider(), c.methodId(), c.kind(), c.secret(),
                    c.refreshToken(), Instant.now().plusSeconds(30), c.storedAt(), c.attributes());
            credentials.put("example", soon);
            return soon;
        });
    }

    /** A configuration of {@code providers} api_key_page methods: {@code key<i>} for provider {@code prov<i>}. */
    static Path writeKeyConfig(Path file, int providers) throws IOException {
        StringBuilder methods = new StringBuilder();
        for (int p = 0; p < providers; p++) {
            methods.append(p == 0 ? "" : ",").append("""
                    {"id": "key%d", "type": "api_key_page", "name": "Key %d", "provider": "prov%d"}""".formatted(p, p, p));
        }
        return Files.writeString(file, "{\"authMethods\": [" + methods + "]}");
    }

    /** The file parses as JSON and no damaged copy was set aside: the next process reads it whole. */
    private static void assertReadable(Path file) throws IOException {
        if (Files.exists(file)) {
            assertThat(AgentProcess.JSON.readTree(file.toFile()).path("credentials").isObject())
                    .as("%s is a whole credential file", file).isTrue();
        }
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".corrupt-"));
        }
    }

    private static Map<String, String> secrets(CredentialStore store) {
        Map<String, String> secrets = new HashMap<>();
        store.all().forEach((key, credential) -> secrets.put(CredentialStore.provider(key), credential.secret()));
        return secrets;
    }

    private static java.util.Set<String> union(java.util.Set<String> keys, String extra) {
        java.util.Set<String> all = new java.util.HashSet<>(keys);
        all.add(extra);
        return all;
    }

    private Path credentialFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }
}
