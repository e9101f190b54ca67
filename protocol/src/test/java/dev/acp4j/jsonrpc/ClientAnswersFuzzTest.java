package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.elicitation.CreateElicitationResponse;
import dev.acp4j.protocol.permission.RequestPermissionResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Fuzz target over the client's answers to our own requests ({@code elicitation/create} and
 * {@code session/request_permission}): whatever the answer line holds, the waiting request ends
 * (with a result of its type, a {@link JsonRpcException}, or {@link ConnectionClosedException}
 * when no answer for it could be read), no failure escapes the read loop, and a request the
 * client sends next is still answered.
 *
 * <p>Input: the first byte picks the request (bit 0: permission or elicitation) and how the rest
 * is sent (bits 1-2: as the {@code result}, as the {@code error}, as a whole line where
 * {@code @ID@} stands for our request's id, or as {@code result} with the id as a string); the
 * rest is UTF-8 text, newlines replaced by spaces. Under plain {@code mvn verify} it replays
 * {@code ClientAnswersFuzzTestInputs/answersToOurRequests/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ClientAnswersFuzzTest {

    private static final ObjectMapper ORACLE = Json.newMapper();

    @FuzzTest(maxDuration = "5m")
    void answersToOurRequests(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        boolean permission = (input[0] & 1) == 0;
        int mode = (input[0] >> 1) & 3;
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ');
        String line = switch (mode) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":" + text + "}";
            case 1 -> "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":" + text + "}";
            case 2 -> text.replace("@ID@", "0");
            default -> "{\"jsonrpc\":\"2.0\",\"id\":\"0\",\"result\":" + text + "}";
        };
        String probe = "{\"jsonrpc\":\"2.0\",\"id\":\"probe\",\"method\":\"probe\",\"params\":{}}";
        CountDownLatch endOfInput = new CountDownLatch(1);
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream((line + "\n" + probe + "\n").getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        try {
                            endOfInput.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return -1;
                    }
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            JsonRpcConnection connection = JsonRpcConnection.builder(in, out)
                    .methods(new MethodTable().request("probe", JsonNode.class, (p, ctx) -> Map.of("ok", true)))
                    .executor(executor)
                    .maxLineBytes(1 << 20)
                    .build();
            Class<?> type = permission ? RequestPermissionResponse.class : CreateElicitationResponse.class;
            CompletableFuture<?> answer = connection.request(permission ? AcpMethods.SESSION_REQUEST_PERMISSION
                    : AcpMethods.ELICITATION_CREATE, Map.of(), type);
            connection.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!probeAnswered(out) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(probeAnswered(out)).as("the connection still answers: %s", out).isTrue();
            endOfInput.countDown();
            connection.closed().get(30, TimeUnit.SECONDS);

            assertThat(answer).as("the waiting request ended").isDone();
            try {
                Object value = answer.get();
                assertThat(value).as("a result of the asked type").isInstanceOf(type);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).as("a clean failure").isInstanceOfAny(JsonRpcException.class,
                        ConnectionClosedException.class);
                assertThat(e.getCause().getMessage()).doesNotContain("\tat ");
            }
        } finally {
            endOfInput.countDown();
            executor.shutdownNow();
        }
    }

    private static boolean probeAnswered(ByteArrayOutputStream out) throws IOException {
        for (String written : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (written.isBlank()) {
                continue;
            }
            JsonNode message = ORACLE.readTree(written);
            if ("probe".equals(message.path("id").asText()) && message.at("/result/ok").asBoolean()) {
                return true;
            }
        }
        return false;
    }
}
