package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Fuzz target over framing ({@link LineReader}) and dispatch ({@link JsonRpcConnection} with
 * a few typed handlers). Invariants: every line that is not a notification or a response gets
 * exactly one answer line, in order, echoing its id; every output line is a well-formed
 * JSON-RPC answer (or batch of answers); no failure escapes the read loop, and the connection
 * goes on answering after each input (one connection serves all executions).
 *
 * <p>Under plain {@code mvn verify} it replays the committed seeds in
 * {@code FramingDispatchFuzzTestInputs/framingAndDispatch/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class FramingDispatchFuzzTest {

    static final int MAX_LINE_BYTES = 4096;

    record Greeting(@JsonProperty(value = "name", required = true) String name,
                    @JsonProperty("times") Integer times, @JsonProperty("loud") Boolean loud) {
    }

    private static final ObjectMapper ORACLE = Json.newMapper();

    /** The probe after each input: {@code greet} under an id of its own, answered by a known line. */
    private static final String PROBE = "{\"jsonrpc\":\"2.0\",\"id\":\"%s\",\"method\":\"greet\",\"params\":{\"name\":\"probe\"}}\n";
    private static final String PROBE_ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":\"%s\",\"result\":{\"text\":\"hello probe\"}}";

    private static LiveConnection live;

    /**
     * One connection serves every execution (a new one after a failure): it reads the input up
     * to its end, then a probe, which must be answered.
     */
    @FuzzTest(maxDuration = "5m")
    void framingAndDispatch(byte[] input) throws Exception {
        assertFraming(input);
        if (live == null) {
            live = new LiveConnection(methods(), MAX_LINE_BYTES);
        }
        LiveConnection connection = live;
        live = null;

        List<String> lines = connection.read(input);
        assertThat(connection.atLineEnd()).as("output ends with a whole line").isTrue();
        List<JsonNode> expected = expectedAnswerIds(input);
        assertThat(lines).as("answer lines for %d lines that need one", expected.size()).hasSize(expected.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode answer = ORACLE.readTree(lines.get(i));
            if (expected.get(i) == null) {
                assertThat(answer.isArray() && !answer.isEmpty()).as("a batch answer: %s", lines.get(i)).isTrue();
                answer.forEach(FramingDispatchFuzzTest::assertWellFormed);
            } else {
                assertWellFormed(answer);
                assertEchoed(answer.get("id"), expected.get(i), lines.get(i));
            }
        }
        String probeId = connection.nextProbeId();
        assertThat(connection.read(String.format(PROBE, probeId).getBytes(StandardCharsets.UTF_8)))
                .as("the connection still answers").containsExactly(String.format(PROBE_ANSWER, probeId));
        live = connection;
    }

    /**
     * The lines {@link LineReader} reads from the input and then its end: every newline-ended
     * segment and a last one without its newline, as they are, or marked too long.
     */
    private static void assertFraming(byte[] input) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(input), MAX_LINE_BYTES);
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n') {
                if (i > start || i < input.length) {
                    LineReader.Line line = reader.next();
                    assertThat(line).as("a line at byte %d", start).isNotNull();
                    if (i - start > MAX_LINE_BYTES) {
                        assertThat(line.tooLong()).as("the line at byte %d is too long", start).isTrue();
                    } else {
                        assertThat(line.tooLong()).as("the line at byte %d is too long", start).isFalse();
                        assertThat(Arrays.copyOf(line.bytes(), line.length()))
                                .as("the line at byte %d", start).isEqualTo(Arrays.copyOfRange(input, start, i));
                    }
                }
                start = i + 1;
            }
        }
        assertThat(reader.next()).as("nothing after the last line").isNull();
    }

    /**
     * The id is echoed as sent. A number written with an exponent may come back in another
     * spelling of the same value ({@code 1e0} as {@code 1}): its value and scale are kept.
     */
    private static void assertEchoed(JsonNode echoed, JsonNode sent, String answer) {
        if (sent instanceof DecimalNode decimal && decimal.decimalValue().scale() <= 0 && echoed != null
                && echoed.isIntegralNumber()) {
            assertThat(new BigDecimal(echoed.bigIntegerValue())).as("id of %s", answer)
                    .isEqualByComparingTo(decimal.decimalValue());
            return;
        }
        assertThat(echoed).as("id of %s", answer).isEqualTo(sent);
    }

    private static MethodTable methods() {
        return new MethodTable()
                .request("greet", Greeting.class, (p, ctx) -> Map.of("text",
                        ("hello " + p.name()).repeat(p.times() == null ? 1 : Math.max(0, Math.min(p.times(), 3)))))
                .request("fail", JsonNode.class, (p, ctx) -> {
                    throw new IllegalStateException("handler failure");
                })
                .requestAsync("later", Greeting.class, (p, ctx) -> CompletableFuture.completedFuture(Map.of("ok", true)))
                .notification("note", Greeting.class, p -> {
                    if (Boolean.TRUE.equals(p.loud())) {
                        throw new IllegalStateException("notification handler failure");
                    }
                });
    }

    /** One entry per answer line due, in order: the id it must echo, or null for a batch answer. */
    private static List<JsonNode> expectedAnswerIds(byte[] input) {
        List<JsonNode> ids = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n') {
                if (i > start || i < input.length) {
                    expectLine(input, start, i, ids);
                }
                start = i + 1;
            }
        }
        return ids;
    }

    private static void expectLine(byte[] input, int from, int to, List<JsonNode> ids) {
        if (to - from > MAX_LINE_BYTES) {
            ids.add(NullNode.getInstance());
            return;
        }
        boolean blank = true;
        for (int i = from; i < to; i++) {
            blank &= input[i] == ' ' || input[i] == '\t' || input[i] == '\r';
        }
        if (blank) {
            return;
        }
        if (Utf8.firstInvalid(input, from, to - from) >= 0) {
            ids.add(NullNode.getInstance());
            return;
        }
        JsonNode node;
        try {
            node = ORACLE.readTree(input, from, to - from);
        } catch (IOException | NumberFormatException e) {
            ids.add(NullNode.getInstance());
            return;
        }
        if (node == null || node.isMissingNode()) {
            ids.add(NullNode.getInstance());
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                ids.add(NullNode.getInstance());
            } else {
                boolean anyAnswer = false;
                for (JsonNode element : node) {
                    anyAnswer |= answerId(element) != null;
                }
                if (anyAnswer) {
                    ids.add(null);
                }
            }
        } else {
            JsonNode id = answerId(node);
            if (id != null) {
                ids.add(id);
            }
        }
    }

    /** The id the answer to this message echoes, or null when it gets no answer. */
    private static JsonNode answerId(JsonNode message) {
        JsonNode nullId = NullNode.getInstance();
        if (!message.isObject()) {
            return nullId;
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return nullId;
        }
        JsonNode echoed = id == null ? nullId : id;
        JsonNode version = message.get("jsonrpc");
        if (version == null || !"2.0".equals(version.textValue())) {
            return echoed;
        }
        JsonNode method = message.get("method");
        if (method == null) {
            boolean response = id != null && (message.has("result") || message.has("error"));
            return response ? null : echoed;
        }
        JsonNode params = message.get("params");
        if (!method.isTextual() || params != null && !params.isContainerNode()) {
            return echoed;
        }
        return id == null ? null : echoed;
    }

    private static void assertWellFormed(JsonNode answer) {
        assertThat(answer.isObject()).as("an answer object: %s", answer).isTrue();
        assertThat(answer.path("jsonrpc").textValue()).isEqualTo("2.0");
        JsonNode id = answer.get("id");
        assertThat(id != null && (id.isTextual() || id.isNumber() || id.isNull())).as("id of %s", answer).isTrue();
        assertThat(answer.has("result") != answer.has("error")).as("exactly one of result/error: %s", answer).isTrue();
        if (answer.has("error")) {
            JsonNode error = answer.get("error");
            assertThat(error.path("code").isInt()).as("error code of %s", answer).isTrue();
            assertThat(error.path("message").isTextual()).as("error message of %s", answer).isTrue();
            assertThat(error.path("message").textValue()).doesNotContain("Exception").doesNotContain("\n");
        }
    }
}
