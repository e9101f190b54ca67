package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.jsonrpc.JsonRpcConnection;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.server.session.StoredSession;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded update serialized once for the store is sent as the very bytes databind writes for its notification. */
class UpdateEncodedOnceTest {


    @TempDir
    Path home;

    /** Text chunks a turn streams (written by hand, or by databind when the writer is unsure), some without a messageId. */
    private static List<SessionUpdate> streamed() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("a", null);
        meta.put("b", new BigDecimal("1.50"));
        meta.put("c", new ArrayList<>(Arrays.asList(1, null, Map.of("d", true))));
        meta.put("e", 2.5); // a double: databind writes this update
        Map<String, Object> plainMeta = new LinkedHashMap<>(meta);
        plainMeta.remove("e");
        List<SessionUpdate> updates = new ArrayList<>();
        for (String text : List.of("chunk 1/10\n", "", "hi \u2028 \u00e9 \"q\" \\ \t\u0001\u007f \uffff", "emoji \ud83d\ude00",
                "x".repeat(70_000))) {
            updates.add(SessionUpdate.agentMessage(text));
            updates.add(SessionUpdate.agentThought(text));
            updates.add(new SessionUpdate.AgentMessageChunk(new ContentBlock.Text(text, null, plainMeta), "m \"1\"", plainMeta));
            updates.add(new SessionUpdate.AgentThoughtChunk(ContentBlock.text(text), "t", meta));
            updates.add(new SessionUpdate.UserMessageChunk(ContentBlock.text(text), null, null));
            updates.add(new SessionUpdate.UserMessageChunk(ContentBlock.text(text), "u", Map.of()));
        }
        updates.add(new SessionUpdate.AgentMessageChunk(ContentBlock.text("after the others"), null, null));
        return updates;
    }

    @Test
    void streamedTextChunksAreDatabindsLinesOnTheWireAndInTheStore() throws Exception {
        ObjectMapper mapper = Json.shared();
        List<SessionUpdate> updates = streamed();
        Agent agent = turn -> {
            updates.forEach(turn::send);
            return StopReason.END_TURN;
        };
        PipedInputStream agentIn = new PipedInputStream(1 << 16);
        OutputStream toAgent = new PipedOutputStream(agentIn);
        Pipe toClient = Pipe.open();
        AcpServer server = AcpServer.builder().agent(agent)
                .config(new ConfigLoader().parse("test", "{}".getBytes(StandardCharsets.UTF_8)))
                .launch(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()), Map.of())
                .build();
        Thread serving = new Thread(() -> server.serve(agentIn, Channels.newOutputStream(toClient.sink())));
        serving.start();
        BufferedReader fromAgent = new BufferedReader(new InputStreamReader(Channels.newInputStream(toClient.source()),
                StandardCharsets.UTF_8));
        String sessionId = InProcessClient.openSession(toAgent, fromAgent);
        InProcessClient.send(toAgent, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"session/prompt\",\"params\":{\"sessionId\":\""
                + sessionId + "\",\"prompt\":[{\"type\":\"text\",\"text\":\"go \\\"q\\\" \u00e9\\n\\u0001\"}]}}");
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = fromAgent.readLine()) != null && !line.contains("\"id\":2,")) {
            if (line.contains("_chunk\"")) {
                lines.add(line);
            }
        }
        assertThat(line).contains("\"stopReason\":\"end_turn\"");
        toAgent.close();
        serving.join(10_000);

        assertThat(lines).hasSize(updates.size());
        List<String> stored = Files.readAllLines(home.resolve("data/acp4j/sessions").resolve(sessionId + ".jsonl"),
                StandardCharsets.UTF_8);
        // the prompt, recorded by the service (by hand too): the mapper's bytes for it
        SessionUpdate prompt = mapper.readValue(stored.get(0), SessionUpdate.class);
        assertThat(prompt).isInstanceOf(SessionUpdate.UserMessageChunk.class);
        assertThat(((ContentBlock.Text) ((SessionUpdate.UserMessageChunk) prompt).content()).text()).isEqualTo("go \"q\" \u00e9\n\u0001");
        assertThat(stored.get(0)).isEqualTo(new String(mapper.writeValueAsBytes(prompt), StandardCharsets.UTF_8));
        assertThat(stored).hasSize(updates.size() + 1);
        for (int i = 0; i < updates.size(); i++) {
            SessionUpdate sent = withTurnsMessageId(updates.get(i), lines.get(i));
            ByteArrayOutputStream databind = new ByteArrayOutputStream();
            JsonRpcConnection connection = connection(databind);
            connection.notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(sessionId, sent));
            connection.close();
            assertThat(lines.get(i) + "\n").as("update %d", i).isEqualTo(databind.toString(StandardCharsets.UTF_8));
            assertThat(stored.get(i + 1)).as("stored update %d", i).isEqualTo(new String(mapper.writeValueAsBytes(sent), StandardCharsets.UTF_8));
        }
    }

    /** The update as the turn sent it: a chunk without a messageId gets the turn's (read back from its line). */
    private static SessionUpdate withTurnsMessageId(SessionUpdate update, String line) {
        Matcher m = Pattern.compile("\"messageId\":\"([0-9a-f-]{36})\"").matcher(line);
        if (update instanceof SessionUpdate.AgentMessageChunk c && c.messageId() == null) {
            assertThat(m.find()).as(line).isTrue();
            return new SessionUpdate.AgentMessageChunk(c.content(), m.group(1), c.meta());
        }
        if (update instanceof SessionUpdate.AgentThoughtChunk c && c.messageId() == null) {
            assertThat(m.find()).as(line).isTrue();
            return new SessionUpdate.AgentThoughtChunk(c.content(), m.group(1), c.meta());
        }
        return update;
    }


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
