package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 3: two agent processes of one user (two editor windows) at the same moment,
 * through {@code bin/acp4j}: neither loses the other's credential, a logout is not undone by a
 * refresh, and appends to the session store from both corrupt nothing.
 */
class TwoProcessesLauncherIT extends LauncherTestBase {

    private static final int ROUNDS = 4;
    private static MockIssuer issuer;

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        issuer = MockIssuer.start();
    }

    @AfterAll
    static void stopAuthorizationServer() {
        issuer.close();
    }

    @Test
    void twoLoginsToTwoProvidersAtOnceBothKeepTheirCredential() throws Exception {
        Path config = CrashSafetyLauncherIT.writeKeyConfig(home.resolve("keys.json"), 2 * ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            List<AgentProcess> logins = new ArrayList<>();
            for (int p = 2 * round; p < 2 * round + 2; p++) {
                AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "key" + p);
                skipTranscriptCheck(login);
                logins.add(login);
            }
            for (int i = 0; i < 2; i++) {
                logins.get(i).sendRaw("sk-two-" + (2 * round + i) + "-4f3e2d1c0b");
            }
            for (AgentProcess login : logins) {
                login.closeStdin();
            }
            for (AgentProcess login : logins) {
                assertThat(login.waitFor(20_000)).isTrue();
                assertThat(login.exitCode()).as(login.stderr()).isZero();
            }
        }
        Map<String, StoredCredential> stored = new CredentialStore(credentialFile()).all();
        assertThat(stored).hasSize(2 * ROUNDS);
        for (int p = 0; p < 2 * ROUNDS; p++) {
            assertThat(stored.get(CredentialStore.key("prov" + p, CredentialKind.API_KEY))).as("prov%d", p).isNotNull()
                    .satisfies(c -> assertThat(c.secret()).startsWith("sk-two-")).extracting(StoredCredential::secret)
                    .isEqualTo("sk-two-" + p + "-4f3e2d1c0b");
        }
    }

    @Test
    void aRefreshRacingALogoutNeverRevivesTheSignIn() throws Exception {
        Path config = issuer.writeConfig(home.resolve("oauth.json"));
        CredentialStore store = new CredentialStore(credentialFile());
        for (int round = 0; round < ROUNDS; round++) {
            store.put("example", issuer.expiringSignIn("at-expiring-" + round));
            AgentProcess refreshing = start(Map.of(), "--config", config.toString());
            refreshing.initialize(Map.of());
            AgentProcess logout = start(Map.of(), "--config", config.toString(), "--logout", "example");
            skipTranscriptCheck(logout);
            long newId = refreshing.request("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
            logout.closeStdin();
            assertThat(logout.waitFor(20_000)).isTrue();
            assertThat(logout.exitCode()).as(logout.stderr()).isZero();
            JsonNode answer = refreshing.awaitResponse(newId);
            assertThat(answer.has("result") || answer.at("/error/code").asInt() == -32000).as(answer.toString()).isTrue();
            refreshing.closeStdin();
            assertThat(refreshing.waitFor(10_000)).isTrue();

            assertThat(store.get("example")).as("round %d: the logout stands", round).isEmpty();
            AgentProcess next = start(Map.of(), "--config", config.toString());
            next.initialize(Map.of());
            JsonNode refused = next.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
            assertThat(refused.at("/error/code").asInt()).as("round %d: nothing revived", round).isEqualTo(-32000);
            next.closeStdin();
            assertThat(next.waitFor(10_000)).isTrue();
        }
    }

    @Test
    void twoWindowsAppendingToOneSessionAndToTwoSessionsCorruptNothing() throws Exception {
        Path project = Files.createDirectories(home.resolve("project"));
        AgentProcess a = agent();
        AgentProcess b = agent();
        String shared = a.newSession(project);
        JsonNode loaded = b.call("session/load", Map.of("sessionId", shared, "cwd", project.toString(), "mcpServers", List.of()));
        assertThat(loaded.has("result")).as(loaded.toString()).isTrue();
        String own = b.newSession(project);

        List<long[]> turns = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long fromA = a.request("session/prompt", prompt(shared, "/burst 400"));
            long fromB = b.request("session/prompt", prompt(shared, "/burst 300"));
            long ownB = b.request("session/prompt", prompt(own, "/burst 200"));
            turns.add(new long[] {fromA, fromB, ownB});
            assertThat(a.awaitResponse(fromA).at("/result/stopReason").asText()).isEqualTo("end_turn");
            JsonNode second = b.awaitResponse(fromB);
            assertThat(second.has("result") || second.has("error")).isTrue();
            assertThat(b.awaitResponse(ownB).at("/result/stopReason").asText()).isEqualTo("end_turn");
        }
        a.closeStdin();
        b.closeStdin();
        assertThat(a.waitFor(10_000) && b.waitFor(10_000)).isTrue();

        Path sessions = home.resolve(".local/share/acp4j/sessions");
        for (String id : List.of(shared, own)) {
            for (String line : Files.readAllLines(sessions.resolve(id + ".jsonl"))) {
                assertThat(AgentProcess.JSON.readTree(line).isObject()).as("a whole line in %s.jsonl", id).isTrue();
            }
        }
        AgentProcess c = agent();
        List<String> sharedChunks = replay(c, shared, project);
        assertThat(sharedChunks).filteredOn(t -> t.endsWith("/400\n")).hasSize(400 * ROUNDS);
        assertThat(sharedChunks).filteredOn(t -> t.endsWith("/300\n")).hasSize(300 * ROUNDS);
        assertInOrderPerTurn(sharedChunks, 400);
        assertInOrderPerTurn(sharedChunks, 300);
        List<String> ownChunks = replay(c, own, project);
        assertThat(ownChunks).hasSize(200 * ROUNDS);
        assertInOrderPerTurn(ownChunks, 200);
    }

    /** The chunks of the turns that stream {@code total} chunks come 1..total, turn after turn. */
    private static void assertInOrderPerTurn(List<String> chunks, int total) {
        int expected = 1;
        for (String chunk : chunks) {
            if (chunk.endsWith("/" + total + "\n")) {
                assertThat(chunk).isEqualTo("chunk " + expected + "/" + total + "\n");
                expected = expected == total ? 1 : expected + 1;
            }
        }
        assertThat(expected).isEqualTo(1);
    }

    private static List<String> replay(AgentProcess agent, String sessionId, Path project) throws Exception {
        long id = agent.request("session/load", Map.of("sessionId", sessionId, "cwd", project.toString(), "mcpServers", List.of()));
        List<JsonNode> updates = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, updates);
        assertThat(answer.has("result")).as(answer.toString()).isTrue();
        return updates.stream().filter(u -> "agent_message_chunk".equals(u.at("/params/update/sessionUpdate").asText()))
                .map(u -> u.at("/params/update/content/text").asText()).toList();
    }

    private static Map<String, Object> prompt(String sessionId, String text) {
        return Map.of("sessionId", sessionId, "prompt", List.of(Map.of("type", "text", "text", text)));
    }

    private AgentProcess agent() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        return agent;
    }

    private Path credentialFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }
}
