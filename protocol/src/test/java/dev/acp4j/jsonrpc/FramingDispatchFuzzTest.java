package dev.acp4j.jsonrpc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        if (live == null) {
            live = new LiveConnection(methods(), MAX_LINE_BYTES);
        }
        LiveConnection connection = live;
        live = null;

        List<String> lines = connection.read(input);
        check(connection.atLineEnd(), "output ends with a whole line");
        List<JsonNode> expected = expectedAnswerIds(input);
        check(lines.size() == expected.size(), "answer lines for %d lines that need one: %s", expected.size(), lines);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode answer = ORACLE.readTree(lines.get(i));
            if (expected.get(i) == null) {
                check(answer.isArray() && !answer.isEmpty(), "a batch answer: %s", answer);
                answer.forEach(FramingDispatchFuzzTest::assertWellFormed);
            } else {
                assertWellFormed(answer);
                assertEchoed(answer.get("id"), expected.get(i), answer);
            }
        }
        String probeId = connection.nextProbeId();
        List<String> probeAnswer = connection.read(String.format(PROBE, probeId).getBytes(StandardCharsets.UTF_8));
        check(probeAnswer.equals(List.of(String.format(PROBE_ANSWER, probeId))), "the connection still answers: %s",
                probeAnswer);
        live = connection;
    }

    /**
     * The id is echoed as sent. A number written with an exponent may come back in another
     * spelling of the same value ({@code 1e0} as {@code 1}): its value and scale are kept.
     */
    private static void assertEchoed(JsonNode echoed, JsonNode sent, JsonNode answer) {
        if (sent instanceof DecimalNode decimal && decimal.decimalValue().scale() <= 0 && echoed != null
                && echoed.isIntegralNumber()) {
            check(new BigDecimal(echoed.bigIntegerValue()).compareTo(decimal.decimalValue()) == 0,
                    "id %s of %s", sent, answer);
            return;
        }
        check(sent.equals(echoed), "id %s of %s", sent, answer);
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
        check(answer.isObject() && "2.0".equals(answer.path("jsonrpc").textValue()), "an answer object: %s", answer);
        JsonNode id = answer.get("id");
        check(id != null && (id.isTextual() || id.isNumber() || id.isNull()), "the id of %s", answer);
        check(answer.has("result") != answer.has("error"), "exactly one of result/error: %s", answer);
        if (answer.has("error")) {
            JsonNode error = answer.get("error");
            check(error.path("code").isInt(), "the error code of %s", answer);
            String message = error.path("message").textValue();
            check(message != null && !message.contains("Exception") && !message.contains("\n"),
                    "the error message of %s", answer);
        }
    }

    /** An assertion that costs nothing while it holds: the fuzzer runs it for every answer line. */
    private static void check(boolean holds, String what, Object... args) {
        if (!holds) {
            throw new AssertionError(String.format(what, args));
        }
    }
}
