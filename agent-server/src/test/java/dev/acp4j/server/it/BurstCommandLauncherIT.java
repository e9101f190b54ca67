package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in agent's {@code /burst N} (the benchmark's stream), through the launcher. */
class BurstCommandLauncherIT extends LauncherTestBase {

    @Test
    void burstStreamsExactlyNChunksInOrderThenEndsTheTurn() throws Exception {
        List<JsonNode> updates = new ArrayList<>();

        JsonNode answer = prompt("/burst 3000", updates);

        assertThat(answer.at("/result/stopReason").asText()).isEqualTo("end_turn");
        List<String> chunks = updates.stream()
                .filter(u -> "agent_message_chunk".equals(u.at("/params/update/sessionUpdate").asText()))
                .map(u -> u.at("/params/update/content/text").asText())
                .toList();
        assertThat(chunks).hasSize(3000);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i)).isEqualTo("chunk " + (i + 1) + "/3000\n");
        }
    }

    @Test
    void burstWithoutAValidCountAnswersWithItsUsage() throws Exception {
        List<JsonNode> updates = new ArrayList<>();

        prompt("/burst 0", updates);

        assertThat(updates).anySatisfy(u ->
                assertThat(u.at("/params/update/content/text").asText()).startsWith("Usage: /stream N or /burst N"));
    }

    /** One prompt turn in a new session of a new process; the messages before the answer go to {@code updates}. */
    private JsonNode prompt(String text, List<JsonNode> updates) throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(home);
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", text))));
        return agent.collectUntilResponse(id, updates);
    }
}
