package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's hostile corpus through real {@code bin/acp4j} processes: each line gets exactly the
 * answer its case states (or none), a probe request after it is still answered, and stdout
 * never carries anything but JSON-RPC.
 */
class HostileInputIT extends LauncherTestBase {

    private static final String KEY_VARIABLE = "HOSTILE_KEY";
    private static final String KEY = "hostile-key-0123456789";
    private static final String SMALL_HEAP = "-Xmx64m";
    private static final long CASE_TIMEOUT_MILLIS = 60_000;
    /** No error message is longer, whatever the client sent (it echoes 64 characters of it at most). */
    private static final int MAX_MESSAGE_CHARS = 1_000;

    @Test
    void everyHostileLineGetsItsAnswerOnA64MiBHeapAndTheAgentKeepsServing() throws Exception {
        Path config = home.resolve("env-key.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "hostile-env", "type": "env_var", "name": "Key from the environment",
                  "provider": "hostile", "vars": [{"name": "HOSTILE_KEY"}]}]}""");
        AgentProcess agent = start(Map.of("ACP4J_JAVA_OPTS", SMALL_HEAP, KEY_VARIABLE, KEY), "--config", config.toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(home);

        AtomicInteger ids = new AtomicInteger(10_000);
        List<HostileInput> corpus = new ArrayList<>(new HostileCorpus(ids).cases());
        corpus.addAll(new HostileCorpus(ids).duplicateKeysInSession(sessionId));
        corpus.addAll(new SessionMethodsCorpus(ids).cases(home.toString(), sessionId));
        corpus.addAll(new WrongTypeTable(ids).cases(home.toString(), sessionId, "hostile-env"));
        corpus.addAll(new SessionMethodsCorpus(ids).logouts());
        corpus.add(HostileInput.of("heap", "a 30 MiB string, more than a 64 MiB heap can read",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,"
                        + "\"_meta\":{\"blob\":\"" + "z".repeat(30 * 1024 * 1024) + "\"}}}",
                new HostileInput.Expected.Error(-32603, NullNode.getInstance(), "not enough memory")));

        runAll("hostile corpus (" + SMALL_HEAP + ")", agent, corpus);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_000);
        assertStillServingThenExitsZero(agent);
        assertThat(agent.stderr()).doesNotContain(KEY).as("no stack trace logged for any input").doesNotContain("\tat ");
    }

    @Test
    void tenMiBStringsAreReadWithTheDefaultLimitAndHeap() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        runAll("10 MiB strings (default heap)", agent, new HostileCorpus(new AtomicInteger(50_000)).tenMiBStrings());
        assertStillServingThenExitsZero(agent);
    }

    @Test
    void aConfiguredLineLimitAnswersLongerLinesWithInvalidRequestAndKeepsShorterOnes() throws Exception {
        int limit = 1024 * 1024;
        AgentProcess agent = start(Map.of("ACP4J_JAVA_OPTS", SMALL_HEAP), "--config", emptyConfig().toString(),
                "--max-line-bytes", Integer.toString(limit));
        agent.initialize(Map.of());
        String fitting = padded(70_001, limit);
        String oneTooMany = padded(70_002, limit + 1);
        List<HostileInput> cases = List.of(
                HostileInput.of("line limit", "10 MiB of garbage", "x".repeat(HostileCorpus.TEN_MIB),
                        new HostileInput.Expected.Error(-32600, NullNode.getInstance(), Integer.toString(limit))),
                HostileInput.of("line limit", "a 10 MiB request", HostileCorpus.initialize(70_000)
                        .replace("{}", "{\"_meta\":{\"b\":\"" + "b".repeat(HostileCorpus.TEN_MIB) + "\"}}"),
                        new HostileInput.Expected.Error(-32600, NullNode.getInstance(), Integer.toString(limit))),
                HostileInput.of("line limit", "a request of exactly the limit", fitting,
                        new HostileInput.Expected.Result(IntNode.valueOf(70_001))),
                HostileInput.of("line limit", "a request one byte over the limit", oneTooMany,
                        new HostileInput.Expected.Error(-32600, NullNode.getInstance(), Integer.toString(limit))));
        assertThat(utf8(fitting)).hasSize(limit);
        runAll("line limit " + limit, agent, cases);
        assertStillServingThenExitsZero(agent);
    }

    /** An initialize request of exactly {@code bytes} bytes, padded with spaces. */
    private static String padded(int id, int bytes) {
        String request = HostileCorpus.initialize(id);
        return request.substring(0, request.length() - 1) + " ".repeat(bytes - request.length()) + "}";
    }

    private static void runAll(String what, AgentProcess agent, List<HostileInput> corpus) throws Exception {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            HostileInput input = corpus.get(i);
            String problem;
            try {
                problem = check(agent, input, "probe-" + i);
            } catch (java.io.IOException e) {
                String stderr = agent.stderr();
                throw new AssertionError("the agent stopped reading at " + input + " after " + failures + "; stderr ends: "
                        + stderr.substring(Math.max(0, stderr.length() - 3000)), e);
            }
            if (problem != null) {
                failures.add(input + " → " + problem);
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Map<String, Long> perCategory = new TreeMap<>(corpus.stream()
                .collect(Collectors.groupingBy(HostileInput::category, Collectors.counting())));
        System.out.printf("%s: %d inputs tried through one process in %d ms, %d answered wrongly; %s%n",
                what, corpus.size(), millis, failures.size(), perCategory);
        assertThat(failures).as("cases answered wrongly").isEmpty();
    }

    private void assertStillServingThenExitsZero(AgentProcess agent) throws Exception {
        JsonNode answer = agent.call("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
        assertThat(answer.at("/result/protocolVersion").asInt()).isEqualTo(1);
        assertThat(agent.poll(300)).as("nothing unanswered is left over").isNull();
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).as(agent.stderr()).isZero();
        assertThat(agent.nonJsonStdout()).as("stdout lines that are not JSON").isEmpty();
        assertThat(agent.stderr()).doesNotContain("Exception in thread");
        skipTranscriptCheck(agent);
        WireCheck.assertValid(agent, HostileInputIT::expectedOfHostileInput);
    }

    /**
     * Schema findings that answering hostile input correctly produces: batch answers (ACP has
     * no batches, JSON-RPC answers them), ids echoed as sent (fractions, huge numbers), and
     * answers to lines the validator itself could not read as requests.
     */
    private static boolean expectedOfHostileInput(String violation) {
        return violation.contains("array found, object expected")
                || violation.contains("$.id: number found")
                || violation.contains("response to unknown request id")
                || violation.contains("unknown ACP method");
    }

    /** Sends one case and a probe; null when the answers are as the case states. */
    private static String check(AgentProcess agent, HostileInput input, String probeId) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(input.line());
        bytes.write('\n');
        agent.sendBytes(bytes.toByteArray());
        agent.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"" + probeId + "\",\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":1,\"clientCapabilities\":{}}}");
        List<JsonNode> answers = new ArrayList<>();
        boolean probed = false;
        while (!probed || answers.size() < input.expected().lines()) {
            JsonNode message;
            try {
                message = agent.next(CASE_TIMEOUT_MILLIS);
            } catch (AssertionError timeout) {
                return "no answer within " + CASE_TIMEOUT_MILLIS + " ms (got " + answers + ", probe answered: " + probed + ")";
            }
            if (probeId.equals(message.path("id").asText(null)) && !message.has("method")) {
                if (!message.has("result")) {
                    return "the probe after it failed: " + message;
                }
                probed = true;
            } else if (!"session/update".equals(message.path("method").asText())) {
                answers.add(message);
            }
        }
        return mismatch(input.expected(), answers);
    }

    private static String mismatch(HostileInput.Expected expected, List<JsonNode> answers) {
        if (expected instanceof HostileInput.Expected.Nothing) {
            return answers.isEmpty() ? null : "expected no answer, got " + abbreviate(answers);
        }
        if (answers.size() != 1) {
            return "expected one answer, got " + abbreviate(answers);
        }
        return mismatch(expected, answers.get(0));
    }

    private static String mismatch(HostileInput.Expected expected, JsonNode answer) {
        if (expected instanceof HostileInput.Expected.Batch batch) {
            if (!answer.isArray() || answer.size() != batch.answers().size()) {
                return "expected a batch of " + batch.answers().size() + ", got " + abbreviate(List.of(answer));
            }
            List<String> want = batch.answers().stream().map(HostileInputIT::describe).sorted().toList();
            List<String> got = new ArrayList<>();
            answer.forEach(a -> got.add(describe(a)));
            return want.equals(got.stream().sorted().toList()) ? null : "expected " + want + ", got " + got;
        }
        String want = describe(expected);
        String got = describe(answer);
        if (!want.equals(got)) {
            return "expected " + want + ", got " + got + " " + abbreviate(List.of(answer));
        }
        String message = answer.at("/error/message").asText("");
        if (message.contains("\n") || message.contains("Exception") || message.contains("at dev.acp4j")) {
            return "error message leaks internals: " + message;
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            return "error message of " + message.length() + " characters: " + message.substring(0, 200) + "…";
        }
        int hidden = message.codePoints().filter(HostileInputIT::hidden).findFirst().orElse(-1);
        if (hidden >= 0) {
            return String.format("error message holds U+%04X unescaped: %s", hidden, message);
        }
        if (expected instanceof HostileInput.Expected.Error error && error.mentions() != null
                && !message.contains(error.mentions())) {
            return "error message does not name '" + error.mentions() + "': " + message;
        }
        return null;
    }

    /** A character an editor would not show, or would act on, in an error message. */
    private static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    private static String describe(HostileInput.Expected expected) {
        if (expected instanceof HostileInput.Expected.Error error) {
            return "error " + error.code() + " id " + error.id();
        }
        if (expected instanceof HostileInput.Expected.Result result) {
            return "result id " + result.id();
        }
        return expected.toString();
    }

    private static String describe(JsonNode answer) {
        JsonNode id = answer.get("id");
        if (answer.has("error") && !answer.has("result")) {
            return "error " + answer.at("/error/code").asInt() + " id " + id;
        }
        if (answer.has("result") && !answer.has("error")) {
            return "result id " + id;
        }
        return "malformed answer";
    }

    private static String abbreviate(List<JsonNode> answers) {
        String text = answers.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
