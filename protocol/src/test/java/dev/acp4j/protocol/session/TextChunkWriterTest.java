package dev.acp4j.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.protocol.content.Annotations;
import dev.acp4j.protocol.content.ContentBlock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The hand-written text chunks are the very bytes the wire's mapper writes, and anything it is unsure of is left to it. */
class TextChunkWriterTest {

    private final ObjectMapper mapper = Json.newMapper();

    private static final List<String> TEXTS = texts();

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("", "chunk 1/10000\n", "a\"b\\c/d", "\u007f\u0080\u00e9\u07ff\u0800",
                "\u2028\u2029 \ufeff \uffff \ue000", "tab\there\r\n\b\f\u0000\u0001\u001f", "<script>&amp;'x'</script>",
                "0123456789".repeat(500)));
        StringBuilder everyLow = new StringBuilder();
        for (char c = 0; c < 0x400; c++) {
            everyLow.append(c);
        }
        texts.add(everyLow.toString());
        Random random = new Random(16);
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(40);
            for (int j = 0; j < n; j++) {
                int kind = random.nextInt(4);
                char c = (char) (kind == 0 ? random.nextInt(0x80) : kind == 1 ? random.nextInt(0x800)
                        : kind == 2 ? 0x20 + random.nextInt(0x60) : random.nextInt(0xD800));
                s.append(c);
            }
            texts.add(s.toString());
        }
        return texts;
    }

    private static List<Map<String, Object>> metas() {
        List<Map<String, Object>> metas = new ArrayList<>();
        metas.add(null);
        metas.add(Map.of());
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("a", null);
        nulls.put("", "");
        nulls.put("k\"\n\u00e9", List.of());
        metas.add(nulls);
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("i", 1);
        numbers.put("neg", -7);
        numbers.put("l", Long.MIN_VALUE);
        numbers.put("big", new BigInteger("123456789012345678901234567890"));
        numbers.put("d", new BigDecimal("1.50"));
        numbers.put("e", new BigDecimal("1E+10"));
        numbers.put("s", new BigDecimal("-0.000001"));
        numbers.put("t", true);
        numbers.put("f", false);
        metas.add(numbers);
        Map<String, Object> nested = new LinkedHashMap<>();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", null);
        inner.put("y", new ArrayList<>(Arrays.asList(1, null, "z", Map.of(), List.of(List.of()))));
        nested.put("inner", inner);
        nested.put("list", Arrays.asList(null, true, new BigDecimal("2.0")));
        metas.add(nested);
        metas.add(new TreeMap<>(Map.of("b", "2", "a", "1")));
        return metas;
    }

    @Test
    void writesEveryTextChunkAsTheMapperDoes() throws Exception {
        TextChunkWriter writer = new TextChunkWriter();
        int written = 0;
        for (String text : TEXTS) {
            for (String messageId : Arrays.asList(null, "0b9c1f0e-2d4a-4c1e-9a51-3f1c7f1a2b3c", "", "odd \"id\" \u00e9\\\n")) {
                for (Map<String, Object> meta : metas()) {
                    for (Map<String, Object> contentMeta : Arrays.asList(null, meta)) {
                        ContentBlock content = new ContentBlock.Text(text, null, contentMeta);
                        for (SessionUpdate update : List.of(new SessionUpdate.AgentMessageChunk(content, messageId, meta),
                                new SessionUpdate.AgentThoughtChunk(content, messageId, meta),
                                new SessionUpdate.UserMessageChunk(content, messageId, meta))) {
                            writer.reset();
                            writer.append((byte) '<');
                            assertThat(writer.appendUpdate(update)).as("%s", update).isTrue();
                            written++;
                            assertThat(Arrays.copyOfRange(writer.bytes(), 1, writer.length()))
                                    .as("%s", update).isEqualTo(mapper.writeValueAsBytes(update));
                        }
                    }
                }
            }
        }
        assertThat(written).isGreaterThan(10_000);
    }

    @Test
    void leavesWhatItIsUnsureOfToTheMapperAndWritesNothing() throws Exception {
        Map<String, Object> doubles = Map.of("d", 1.5);
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "one");
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> level = deep;
        for (int i = 0; i < 40; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            level.put("n", next);
            level = next;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> intKeyed = (Map<String, Object>) (Map<?, ?>) intKeys;
        List<SessionUpdate> refused = List.of(
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("emoji \ud83d\ude00"), "m", null),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("lone \ud83d"), "m", null),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("x"), "lone \udc00", null),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("x"), "m", doubles),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("x"), "m", Map.of("f", 1.5f)),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("x"), "m", Map.of("s", (short) 1)),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("x"), "m", Map.of("o", new Object())),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("x"), "m", intKeyed),
                new SessionUpdate.AgentMessageChunk(ContentBlock.text("x"), "m", deep),
                new SessionUpdate.AgentThoughtChunk(new ContentBlock.Text("x", new Annotations(null, null, null, null), null), "m", null),
                new SessionUpdate.AgentMessageChunk(new ContentBlock.Text(null, null, null), "m", null),
                new SessionUpdate.UserMessageChunk(new ContentBlock.Image("AAAA", "image/png", null, null, null), null, null),
                new SessionUpdate.Plan(List.of(), null),
                new SessionUpdate.SessionInfoUpdate("t", null, null));
        TextChunkWriter writer = new TextChunkWriter();
        for (SessionUpdate update : refused) {
            writer.reset();
            writer.append((byte) '<');
            assertThat(writer.appendUpdate(update)).as("%s", update).isFalse();
            assertThat(writer.length()).isEqualTo(1);
        }
        // what the writer refuses, the mapper still writes (the caller's fallback)
        assertThat(new String(mapper.writeValueAsBytes(refused.get(0)), StandardCharsets.UTF_8)).contains("\"sessionUpdate\":\"agent_message_chunk\"");
    }
}
