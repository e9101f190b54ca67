package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.jsonrpc.JsonRpcConnection;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.server.session.StoredSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A recorded update serialized once for the store is sent as the very bytes databind writes for its notification. */
class UpdateEncodedOnceTest {

    private static final List<String> UPDATES = List.of(
            "{\"sessionUpdate\":\"agent_message_chunk\",\"content\":{\"type\":\"text\",\"text\":\"hi \\u2028 \u00e9 \\\"q\\\" \\n\"},"
                    + "\"messageId\":\"m\",\"_meta\":{\"a\":null,\"b\":1.50,\"c\":[1,{\"d\":true}]}}",
            "{\"sessionUpdate\":\"agent_thought_chunk\",\"content\":{\"type\":\"text\",\"text\":\"t\"}}",
            "{\"sessionUpdate\":\"user_message_chunk\",\"content\":{\"type\":\"image\",\"data\":\"AAAA\",\"mimeType\":\"image/png\"}}",
            "{\"sessionUpdate\":\"tool_call\",\"toolCallId\":\"c1\",\"title\":\"Read\",\"kind\":\"read\",\"status\":\"pending\","
                    + "\"locations\":[{\"path\":\"/a\",\"line\":3}],\"rawInput\":{\"x\":[1,2.0,null]}}",
            "{\"sessionUpdate\":\"tool_call_update\",\"toolCallId\":\"c1\",\"status\":\"completed\","
                    + "\"content\":[{\"type\":\"content\",\"content\":{\"type\":\"text\",\"text\":\"ok\"}}]}",
            "{\"sessionUpdate\":\"plan\",\"entries\":[{\"content\":\"step\",\"priority\":\"high\",\"status\":\"pending\"}]}");

    @Test
    void theComposedNotificationIsByteForByteDatabinds() throws Exception {
        ObjectMapper mapper = Json.shared();
        for (String sessionId : List.of("0b9c1f0e-2d4a-4c1e-9a51-3f1c7f1a2b3c", "s_1-x", "odd \"id\" \u00e9\\")) {
            Session session = new Session(new StoredSession(sessionId, "/w", List.of(), null, "2026-01-01T00:00:00.000Z",
                    "2026-01-01T00:00:00.000Z", null, Map.of()), List.of(), List.of(), null);
            for (String json : UPDATES) {
                SessionUpdate update = mapper.readValue(json, SessionUpdate.class);
                ByteArrayOutputStream databind = new ByteArrayOutputStream();
                ByteArrayOutputStream once = new ByteArrayOutputStream();
                JsonRpcConnection a = connection(databind);
                JsonRpcConnection b = connection(once);
                a.notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(sessionId, update));
                b.notifyEncoded(AcpMethods.SESSION_UPDATE, session.updateParams(mapper.writeValueAsBytes(update)));
                a.close();
                b.close();
                assertThat(once.toString(StandardCharsets.UTF_8)).as(json).contains("\"sessionUpdate\"")
                        .isEqualTo(databind.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private static JsonRpcConnection connection(ByteArrayOutputStream out) {
        return JsonRpcConnection.builder(new ByteArrayInputStream(new byte[0]), out).mapper(Json.shared()).build();
    }
}
