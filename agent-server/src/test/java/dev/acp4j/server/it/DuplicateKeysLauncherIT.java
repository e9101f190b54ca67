package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official ACP Java SDK client (acp-core 0.14.0) writes every content block with its
 * {@code type} twice. Its exact prompt line, replayed through {@code bin/acp4j}, must be answered
 * like the same prompt without the repeated key: the same updates and the same result.
 */
class DuplicateKeysLauncherIT extends LauncherTestBase {

    @Test
    void theJavaSdkClientsPromptLineIsAnsweredLikeTheSamePromptWithoutTheRepeatedType() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());

        for (String text : List.of("hello", "hi", "/echo twice")) {
            // each prompt the first of its own session: both get the same title update
            Exchange javaSdk = prompt(agent, "5c0ffee1-" + text.length(), session(agent),
                    "{\"type\":\"text\",\"type\":\"text\",\"text\":\"" + text + "\"}");
            Exchange plain = prompt(agent, "plain-" + text.length(), session(agent),
                    "{\"type\":\"text\",\"text\":\"" + text + "\"}");

            assertThat(javaSdk.answer().get("id").asText()).isEqualTo("5c0ffee1-" + text.length());
            assertThat(javaSdk.answer().at("/result/stopReason").asText()).as(text).isEqualTo("end_turn");
            assertThat(withoutId(javaSdk.answer())).as(text).isEqualTo(withoutId(plain.answer()));
            assertThat(javaSdk.updates()).as("updates for %s", text).isNotEmpty().isEqualTo(plain.updates());
            assertThat(javaSdk.updates().toString()).contains(text.replace("/echo ", ""));
        }
    }

    private record Exchange(List<JsonNode> updates, JsonNode answer) {
    }

    private String session(AgentProcess agent) throws Exception {
        String sessionId = agent.newSession(home);
        agent.await(m -> "available_commands_update".equals(m.at("/params/update/sessionUpdate").asText()), 10_000);
        return sessionId;
    }

    private static Exchange prompt(AgentProcess agent, String id, String sessionId, String block) throws Exception {
        agent.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"session/prompt\",\"params\":{\"sessionId\":\""
                + sessionId + "\",\"prompt\":[" + block + "]}}");
        List<JsonNode> updates = new ArrayList<>();
        while (true) {
            JsonNode message = agent.next(10_000);
            if (id.equals(message.path("id").asText(null)) && !message.has("method")) {
                return new Exchange(updates, message);
            }
            updates.add(withoutPerSessionValues(message));
        }
    }

    /** An update without what differs between two sessions and two turns: ids and times. */
    private static JsonNode withoutPerSessionValues(JsonNode update) {
        ObjectNode copy = update.deepCopy();
        if (copy.get("params") instanceof ObjectNode params) {
            params.remove("sessionId");
            if (params.get("update") instanceof ObjectNode inner) {
                inner.remove("messageId");
                inner.remove("updatedAt");
            }
        }
        return copy;
    }

    private static JsonNode withoutId(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("id");
        return copy;
    }
}
