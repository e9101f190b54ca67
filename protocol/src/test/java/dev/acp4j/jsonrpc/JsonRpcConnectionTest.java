package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonRpcConnectionTest {

    record EchoParams(@JsonProperty(value = "text", required = true) String text, Integer times) {
    }

    record EchoResult(String text) {
    }

    private final CountDownLatch blockerStarted = new CountDownLatch(1);
    private final CompletableFuture<String> notified = new CompletableFuture<>();
    private PipedPeer peer;

    @BeforeEach
    void start() throws Exception {
        MethodTable methods = new MethodTable()
                .request("echo", EchoParams.class, (p, ctx) -> new EchoResult(p.text().repeat(p.times() == null ? 1 : p.times())))
                .request("fail", JsonNode.class, (p, ctx) -> {
                    throw new IllegalStateException("secret-detail");
                })
                .request("block", JsonNode.class, (p, ctx) -> {
                    blockerStarted.countDown();
                    Thread.sleep(60_000);
                    return Map.of();
                })
                .request("askPeer", JsonNode.class, (p, ctx) ->
                        ctx.peer().request("client/echo", Map.of("x", 1), JsonNode.class).get(5, TimeUnit.SECONDS))
                .notification("note", EchoParams.class, p -> notified.complete(p.text()));
        peer = new PipedPeer(methods);
    }

    @AfterEach
    void stop() throws Exception {
        peer.close();
    }

    @Test
    void answersARequestWithItsResultAndTheSameId() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"echo\",\"params\":{\"text\":\"hi\",\"times\":2}}");
        assertThat(peer.nextLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{\"text\":\"hihi\"}}");
    }

    @Test
    void echoesIdsBeyondDoublePrecisionExactly() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"echo\",\"params\":{\"text\":\"x\"}}");
        assertThat(peer.nextLine()).startsWith("{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,");
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"echo\",\"params\":{\"text\":\"x\"}}");
        assertThat(peer.nextLine()).startsWith("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,");
    }

    @Test
    void errorTableAndTheConnectionStaysUsable() throws Exception {
        expectError("{not json", -32700, true);
        expectError("[]", -32600, true);
        expectError("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7}", -32600, false);
        expectError("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"echo\"}", -32600, false);
        expectError("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"echo\"}", -32600, true);
        expectError("{\"jsonrpc\":\"2.0\",\"id\":5}", -32600, false);
        expectError("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"echo\",\"params\":\"x\"}", -32600, false);
        expectError("42", -32600, true);
        expectError("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"nope\"}", -32601, false);
        expectError("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"_vendor/thing\"}", -32601, false);
        JsonNode missing = expectError("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"echo\",\"params\":{}}", -32602, false);
        assertThat(missing.at("/error/message").asText()).contains("'text'");
        JsonNode wrongType = expectError("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"echo\",\"params\":{\"text\":3}}", -32602, false);
        assertThat(wrongType.at("/error/message").asText()).contains("'text'").contains("a string");
        JsonNode internal = expectError("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"fail\"}", -32603, false);
        assertThat(internal.toString()).doesNotContain("secret-detail").doesNotContain("Exception");
        peer.sendBytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}', '\n'});
        assertThat(peer.next().at("/error/code").asInt()).isEqualTo(-32700);

        peer.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"echo\",\"params\":{\"text\":\"still here\"}}");
        assertThat(peer.next().at("/result/text").asText()).isEqualTo("still here");
    }

    @Test
    void aRepeatedKeyCountsWithItsLastValueAtAnyDepth() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"nope\",\"method\":\"echo\","
                + "\"params\":{\"text\":\"first\",\"times\":3,\"text\":\"last\",\"times\":1}}");
        assertThat(peer.nextLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"text\":\"last\"}}");
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"echo\",\"params\":{\"text\":1},\"params\":{\"text\":\"ok\"}}");
        assertThat(peer.nextLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"text\":\"ok\"}}");
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"echo\",\"params\":{\"text\":\"ok\",\"text\":null}}");
        assertThat(peer.next().at("/error/code").asInt()).as("the last value, null, is what counts").isEqualTo(-32602);
    }

    @Test
    void neverAnswersNotificationsEvenUnknownOrInvalidOnes() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"unknown/notification\",\"params\":{}}");
        peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":{\"nottext\":1}}");
        peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":{\"text\":\"delivered\"}}");
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"text\":\"after\"}}");
        assertThat(peer.next().at("/id").asInt()).isEqualTo(1);
        assertThat(notified.get(5, TimeUnit.SECONDS)).isEqualTo("delivered");
        assertThat(peer.poll(200)).isNull();
    }

    @Test
    void answersABatchWithOneArrayWithoutTheNotifications() throws Exception {
        peer.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"text\":\"a\"}},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":{\"text\":\"n\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}, 7]");
        JsonNode batch = peer.next();
        assertThat(batch.isArray()).isTrue();
        assertThat(batch).hasSize(3);
        assertThat(batch.get(0).at("/result/text").asText()).isEqualTo("a");
        assertThat(batch.get(1).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(batch.get(2).at("/error/code").asInt()).isEqualTo(-32600);
    }

    @Test
    void answersEveryRequestOfABurstExactlyOnce() throws Exception {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            burst.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"echo\",\"params\":{\"text\":\"m").append(i).append("\"}}\n");
        }
        peer.sendBytes(burst.toString().getBytes(StandardCharsets.UTF_8));
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            JsonNode answer = peer.next();
            assertThat(ids.add(answer.get("id").asInt())).isTrue();
            assertThat(answer.at("/result/text").asText()).isEqualTo("m" + answer.get("id").asInt());
        }
        assertThat(ids).hasSize(1000);
        assertThat(peer.poll(200)).isNull();
    }

    @Test
    void cancelRequestAnswersTheBlockedRequestWithRequestCancelled() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"block\"}");
        assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();
        peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancel_request\",\"params\":{\"requestId\":\"slow\"}}");
        JsonNode answer = peer.next();
        assertThat(answer.get("id").asText()).isEqualTo("slow");
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32800);
    }

    @Test
    void aHandlerCanAwaitThePeerWithoutBlockingTheReadLoop() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"askPeer\"}");
        JsonNode outgoing = peer.next();
        assertThat(outgoing.get("method").asText()).isEqualTo("client/echo");
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"meanwhile\"}}");
        assertThat(peer.next().at("/result/text").asText()).isEqualTo("meanwhile");
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + outgoing.get("id") + ",\"result\":{\"back\":true}}");
        JsonNode answer = peer.next();
        assertThat(answer.get("id").asInt()).isEqualTo(1);
        assertThat(answer.at("/result/back").asBoolean()).isTrue();
    }

    @Test
    void outgoingRequestFailsWithThePeersErrorAndTimesOutWithACancel() throws Exception {
        CompletableFuture<JsonNode> failing = peer.connection.request("x", Map.of(), JsonNode.class);
        JsonNode sent = peer.next();
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + sent.get("id") + ",\"error\":{\"code\":-32000,\"message\":\"no\"}}");
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(JsonRpcException.class).hasMessageContaining("-32000");

        CompletableFuture<JsonNode> slow = peer.connection.request("y", null, JsonNode.class, Duration.ofMillis(100));
        JsonNode slowRequest = peer.next();
        assertThat(slowRequest.has("params")).isFalse();
        assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutException.class);
        JsonNode cancel = peer.next();
        assertThat(cancel.get("method").asText()).isEqualTo("$/cancel_request");
        assertThat(cancel.at("/params/requestId")).isEqualTo(slowRequest.get("id"));
    }

    @Test
    void endOfInputClosesAndFailsPendingRequests() throws Exception {
        CompletableFuture<JsonNode> waiting = peer.connection.request("x", Map.of(), JsonNode.class);
        peer.next();
        peer.close();
        peer.connection.closed().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void endOfInputRightAfterRequestsStillAnswersThemBeforeClosing() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"text\":\"a\"}}");
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":{\"text\":\"b\"}}");
        peer.close();
        peer.connection.closed().get(5, TimeUnit.SECONDS);

        Set<String> answers = new HashSet<>();
        for (String line = peer.poll(1000); line != null; line = peer.poll(200)) {
            answers.add(line);
        }
        assertThat(answers).containsExactlyInAnyOrder(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\"a\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"text\":\"b\"}}");
    }

    @Test
    void endOfInputCancelsARequestThatRunsOnAndAnswersItCancelled() throws Exception {
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"block\"}");
        assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();
        peer.close();
        peer.connection.closed().get(5, TimeUnit.SECONDS);

        JsonNode answer = peer.next();
        assertThat(answer.get("id").asInt()).isEqualTo(7);
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32800);
    }

    @Test
    void aFailingReadLoopClosesTheConnectionExceptionally() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("broken input");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new IllegalStateException("broken input");
            }
        };
        JsonRpcConnection connection = JsonRpcConnection.builder(broken, java.io.OutputStream.nullOutputStream())
                .methods(new MethodTable()).build().start();

        assertThatThrownBy(() -> connection.closed().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("broken input");
    }

    private JsonNode expectError(String line, int code, boolean nullId) throws Exception {
        peer.send(line);
        JsonNode answer = peer.next();
        assertThat(answer.at("/error/code").asInt()).as("answer to %s", line).isEqualTo(code);
        assertThat(answer.has("result")).isFalse();
        assertThat(answer.get("jsonrpc").asText()).isEqualTo("2.0");
        if (nullId) {
            assertThat(answer.get("id").isNull()).as("id of the answer to %s", line).isTrue();
        } else {
            assertThat(answer.get("id").asInt()).isEqualTo(5);
        }
        assertThat(answer.at("/error/message").asText()).doesNotContain("\n");
        return answer;
    }
}
