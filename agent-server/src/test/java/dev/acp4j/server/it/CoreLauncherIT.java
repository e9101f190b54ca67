package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 2's acceptance, through the real launcher with {@code --config} pointing at {@code {}}. */
class CoreLauncherIT extends LauncherTestBase {

    @Test
    void initializeIsAnsweredWithExactlyOneLineAndTheProcessExitsZero() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"clientCapabilities\":{}}}");
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).isZero();
        List<String> lines = agent.stdoutLines();
        assertThat(lines).hasSize(1);
        JsonNode answer = AgentProcess.JSON.readTree(lines.get(0));
        assertThat(answer.get("id").asInt()).isZero();
        assertThat(answer.at("/result/protocolVersion").asInt()).isEqualTo(1);
        assertThat(answer.at("/result/agentInfo/name").asText()).isEqualTo("acp4j");
        assertThat(answer.at("/result/agentInfo/version").asText()).isNotBlank();
        assertThat(answer.at("/result/agentCapabilities/auth/logout").isObject()).isTrue();
        assertThat(answer.at("/result/authMethods")).isEmpty();
    }

    @Test
    void anUnsupportedProtocolVersionIsAnsweredWithOne() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        JsonNode answer = agent.call("initialize", Map.of("protocolVersion", 65535, "clientCapabilities", Map.of()));
        assertThat(answer.at("/result/protocolVersion").asInt()).isEqualTo(1);
    }

    @Test
    void everyErrorOfTheTableIsAnsweredAndTheConnectionStaysUsable() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String[][] table = {
            {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"", "-32700", "null"},
            {"[]", "-32600", "null"},
            {"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":7}", "-32600", "2"},
            {"{\"jsonrpc\":\"2.0\",\"id\":3}", "-32600", "3"},
            {"{\"id\":4,\"method\":\"initialize\"}", "-32600", "4"},
            {"\"just a string\"", "-32600", "null"},
            {"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"no/such_method\",\"params\":{}}", "-32601", "5"},
            {"{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"_vendor/unknown\",\"params\":{}}", "-32601", "6"},
            {"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"session/new\",\"params\":{\"mcpServers\":[]}}", "-32602", "7"},
            {"{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"session/new\",\"params\":{\"cwd\":42,\"mcpServers\":[]}}", "-32602", "8"},
            {"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"session/new\",\"params\":{\"cwd\":\"relative/dir\",\"mcpServers\":[]}}", "-32602", "9"},
            {"{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"one\"}}", "-32602", "10"},
            {"{\"jsonrpc\":\"2.0\",\"id\":\"str-id\",\"method\":\"session/prompt\",\"params\":{\"sessionId\":\"nope\",\"prompt\":[]}}", "-32602", "\"str-id\""},
            {"{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"session/new\",\"params\":{\"cwd\":null,\"mcpServers\":[]}}", "-32602", "11"},
            {"{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"session/new\",\"params\":{\"cwd\":\"/tmp\",\"mcpServers\":null}}", "-32602", "12"},
            {"{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"session/prompt\",\"params\":{\"sessionId\":null,\"prompt\":[]}}", "-32602", "13"},
            {"{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"session/prompt\",\"params\":{\"sessionId\":\"x\",\"prompt\":null}}", "-32602", "14"},
            {"{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"session/prompt\",\"params\":{\"sessionId\":\"x\",\"prompt\":[{\"type\":\"hologram\"}]}}", "-32602", "15"},
            {"{\"jsonrpc\":\"2.0\",\"id\":16,\"method\":\"authenticate\",\"params\":{\"methodId\":null}}", "-32602", "16"},
        };
        int probe = 100;
        for (String[] row : table) {
            agent.sendRaw(row[0]);
            JsonNode answer = agent.next(10_000);
            assertThat(answer.at("/error/code").asInt()).as("answer to %s: %s", row[0], answer).isEqualTo(Integer.parseInt(row[1]));
            assertThat(answer.get("id").toString()).as("id of the answer to %s", row[0]).isEqualTo(row[2]);
            assertThat(answer.has("result")).isFalse();
            assertThat(answer.at("/error/message").asText()).doesNotContain("\n").doesNotContain("Exception");
            long id = agent.request("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
            assertThat(agent.next(10_000).get("id").asLong()).as("still answering after %s", row[0]).isEqualTo(id);
            probe++;
        }
        assertThat(probe).isEqualTo(100 + table.length);
    }

    @Test
    void idsOfAnyJsonTypeAreEchoedExactly() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        for (String id : List.of("\"abc\"", "9007199254740993", "0", "-1", "\"\"", "null")) {
            agent.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}");
            String line = rawAnswerLine(agent);
            assertThat(line).contains("\"id\":" + id + ",");
        }
    }

    @Test
    void notificationsAreNeverAnswered() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        agent.notify("unknown/notification", Map.of("x", 1));
        agent.notify("session/cancel", Map.of("sessionId", "no-such-session"));
        agent.notify("_vendor/ping", Map.of());
        agent.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"session/cancel\",\"params\":{\"sessionId\":7}}");
        long id = agent.request("initialize", Map.of("protocolVersion", 1));
        JsonNode only = agent.next(10_000);
        assertThat(only.get("id").asLong()).isEqualTo(id);
        assertThat(agent.poll(300)).isNull();
    }

    @Test
    void requestsBeforeInitializeGetAClearError() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        JsonNode answer = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(answer.at("/error/message").asText()).contains("initialize");
    }

    @Test
    void aPromptStreamsChunksAndEndsTheTurn() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(home);
        JsonNode commands = agent.await(m -> "available_commands_update".equals(m.at("/params/update/sessionUpdate").asText()), 10_000);
        assertThat(commands.at("/params/sessionId").asText()).isEqualTo(sessionId);
        assertThat(commands.at("/params/update/availableCommands").findValuesAsText("name")).contains("stream", "help");

        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "hello"))));
        List<JsonNode> chunks = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, chunks);
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("method").asText()).isEqualTo("session/update"));
        JsonNode title = chunks.remove(0);
        assertThat(title.at("/params/update/sessionUpdate").asText()).as("the first prompt titles the session")
                .isEqualTo("session_info_update");
        assertThat(title.at("/params/update/title").asText()).isEqualTo("hello");
        assertThat(chunks).isNotEmpty();
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.at("/params/sessionId").asText()).isEqualTo(sessionId);
            assertThat(c.at("/params/update/sessionUpdate").asText()).isEqualTo("agent_message_chunk");
            assertThat(c.at("/params/update/content/type").asText()).isEqualTo("text");
        });
        assertThat(chunks.get(0).at("/params/update/content/text").asText()).contains("hello");
        assertThat(answer.at("/result/stopReason").asText()).isEqualTo("end_turn");
    }

    @Test
    void sessionCancelMakesALongTurnReturnCancelledPromptly() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(home);
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/stream 200"))));
        agent.await(m -> m.at("/params/update/content/text").asText().startsWith("chunk 1/"), 10_000);
        agent.notify("session/cancel", Map.of("sessionId", sessionId));
        long cancelledAt = System.nanoTime();
        List<JsonNode> afterCancel = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, afterCancel);
        int chunksAfterCancel = afterCancel.size();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
        System.out.printf("cancel → cancelled answer: %d ms, %d chunks after the cancel%n", millis, chunksAfterCancel);
        assertThat(answer.at("/result/stopReason").asText()).isEqualTo("cancelled");
        assertThat(chunksAfterCancel).isLessThan(150);
        JsonNode again = agent.call("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/echo after"))));
        assertThat(again.at("/result/stopReason").asText()).as("the session takes a new turn").isEqualTo("end_turn");
    }

    @Test
    void cancelRequestOnAPromptAnswersIt() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(home);
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/stream 500"))));
        agent.await(m -> m.at("/params/update/content/text").asText().startsWith("chunk 1/"), 10_000);
        agent.notify("$/cancel_request", Map.of("requestId", id));
        JsonNode answer = agent.awaitResponse(id);
        assertThat(answer.has("error") ? answer.at("/error/code").asInt() == -32800
                : "cancelled".equals(answer.at("/result/stopReason").asText())).as(answer.toString()).isTrue();
    }

    @Test
    void everyRequestOfABurstOfAThousandIsAnsweredExactlyOnce() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            burst.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}\n");
        }
        agent.sendBytes(burst.toString().getBytes(StandardCharsets.UTF_8));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            JsonNode answer = agent.next(20_000);
            assertThat(seen.add(answer.get("id").asInt())).as("answered twice: %s", answer.get("id")).isTrue();
            assertThat(answer.has("result")).isTrue();
        }
        assertThat(seen).hasSize(1000);
        assertThat(agent.poll(300)).isNull();
    }

    @Test
    void requestsPipedBeforeEndOfInputAreAllAnsweredBeforeTheExit() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        long initialize = agent.request("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
        long newSession = agent.request("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        long unknown = agent.request("no/such/method", Map.of());
        agent.closeStdin();

        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).isZero();
        assertThat(agent.awaitResponse(initialize).at("/result/protocolVersion").asInt()).isEqualTo(1);
        assertThat(agent.awaitResponse(newSession).at("/result/sessionId").asText()).isNotEmpty();
        assertThat(agent.awaitResponse(unknown).at("/error/code").asInt()).isEqualTo(-32601);
    }

    @Test
    void endOfInputEndsTheProcessWithExitZeroPromptly() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(home);
        long prompt = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/stream 1000"))));
        agent.await(m -> m.has("method"), 10_000);
        long closedAt = System.nanoTime();
        agent.closeStdin();
        assertThat(agent.waitFor(5_000)).isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
        System.out.printf("stdin EOF → exit: %d ms%n", millis);
        assertThat(agent.exitCode()).isZero();
        assertThat(agent.awaitResponse(prompt).at("/result/stopReason").asText()).isEqualTo("cancelled");
        assertThat(millis).as("exit after stdin EOF (the requirement is 1 s; bound widened for busy CI)").isLessThan(3_000);
    }

    @Test
    void helpVersionAndBadConfigurations() throws Exception {
        AgentProcess help = start(Map.of(), "--help");
        assertThat(help.waitFor(10_000)).isTrue();
        assertThat(help.exitCode()).isZero();
        assertThat(String.join("\n", help.stdoutLines())).contains("--config").contains("--trace").contains("Usage");
        skipTranscriptCheck(help);

        AgentProcess version = start(Map.of(), "--version");
        assertThat(version.waitFor(10_000)).isTrue();
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdoutLines()).singleElement().asString().startsWith("acp4j ");
        skipTranscriptCheck(version);

        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "{\"authMethods\":[{\"id\":\"x\",\"type\":\"carrier_pigeon\",\"name\":\"X\"}]}");
        AgentProcess broken = start(Map.of(), "--config", bad.toString());
        assertThat(broken.waitFor(10_000)).isTrue();
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.stdoutLines()).isEmpty();
        assertThat(broken.stderr()).contains(bad.toString()).contains("'x'").contains("carrier_pigeon");

        AgentProcess missing = start(Map.of(), "--config", home.resolve("absent.json").toString());
        assertThat(missing.waitFor(10_000)).isTrue();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("absent.json").contains("no such file");

        AgentProcess usage = start(Map.of(), "--no-such-flag");
        assertThat(usage.waitFor(10_000)).isTrue();
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stderr()).contains("--no-such-flag");
        assertThat(usage.stdoutLines()).isEmpty();
    }

    @Test
    void traceRecordsEveryLineInAndOut() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString(), "--trace", trace.toString());
        agent.initialize(Map.of());
        agent.sendRaw("{oops");
        agent.next(10_000);
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).hasSize(4);
        JsonNode first = AgentProcess.JSON.readTree(lines.get(0));
        assertThat(first.get("dir").asText()).isEqualTo("in");
        assertThat(first.at("/msg/method").asText()).isEqualTo("initialize");
        assertThat(first.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(AgentProcess.JSON.readTree(lines.get(1)).get("dir").asText()).isEqualTo("out");
        assertThat(AgentProcess.JSON.readTree(lines.get(2)).get("raw").asText()).isEqualTo("{oops");
    }

    /**
     * The answer's line as written. Paired with its parsed message by the reader thread, so it
     * does not matter whether the line arrived before or after this method was called.
     */
    private static String rawAnswerLine(AgentProcess agent) throws InterruptedException {
        return agent.rawLine(agent.next(10_000));
    }
}
