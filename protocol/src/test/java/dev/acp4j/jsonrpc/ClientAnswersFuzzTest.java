package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.elicitation.CreateElicitationResponse;
import dev.acp4j.protocol.permission.RequestPermissionResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Fuzz target over the client's answers to our own requests ({@code elicitation/create} and
 * {@code session/request_permission}): whatever the answer line holds, the waiting request ends
 * with a result of its type or a {@link JsonRpcException} when the line answers it, and stays
 * waiting when it does not (then the caller's cancelling ends it); no failure escapes the read
 * loop, and a request the client sends next is still answered. One connection serves every
 * execution, so it must stay usable after each answer.
 *
 * <p>Input: the first byte picks the request (bit 0: permission or elicitation) and how the rest
 * is sent (bits 1-2: as the {@code result}, as the {@code error}, as a whole line where
 * {@code @ID@} stands for our request's id, or as {@code result} with the id as a string); the
 * rest is UTF-8 text, newlines replaced by spaces. Under plain {@code mvn verify} it replays
 * {@code ClientAnswersFuzzTestInputs/answersToOurRequests/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ClientAnswersFuzzTest {

    private static final ObjectMapper ORACLE = Json.newMapper();
    /** The request after each answer: a method of the connection's, under an id of its own. */
    private static final String PROBE = "{\"jsonrpc\":\"2.0\",\"id\":\"%s\",\"method\":\"probe\",\"params\":{}}\n";
    private static final String PROBE_ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":\"%s\",\"result\":{\"ok\":true}}";

    private static LiveConnection live;

    @FuzzTest(maxDuration = "5m")
    void answersToOurRequests(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        boolean permission = (input[0] & 1) == 0;
        int mode = (input[0] >> 1) & 3;
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ');

        if (live == null) {
            live = new LiveConnection(new MethodTable().request("probe", JsonNode.class, (p, ctx) -> Map.of("ok", true)),
                    1 << 20);
        }
        LiveConnection connection = live;
        live = null;

        Class<?> type = permission ? RequestPermissionResponse.class : CreateElicitationResponse.class;
        String method = permission ? AcpMethods.SESSION_REQUEST_PERMISSION : AcpMethods.ELICITATION_CREATE;
        CompletableFuture<?> answer = connection.connection.request(method, Map.of(), type);
        List<String> sent = connection.take();
        assertThat(sent).as("our request").hasSize(1);
        JsonNode request = ORACLE.readTree(sent.get(0));
        assertThat(request.path("method").textValue()).as("our request: %s", request).isEqualTo(method);
        String id = request.get("id").toString();
        String line = switch (mode) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + text + "}";
            case 1 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":" + text + "}";
            case 2 -> text.replace("@ID@", id);
            default -> "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"result\":" + text + "}";
        };
        connection.read((line + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(connection.atLineEnd()).as("output ends with a whole line").isTrue();
        String probeId = connection.nextProbeId();
        assertThat(connection.read(String.format(PROBE, probeId).getBytes(StandardCharsets.UTF_8)))
                .as("the connection still answers").containsExactly(String.format(PROBE_ANSWER, probeId));

        if (answer.isDone()) {
            try {
                Object value = answer.get();
                assertThat(value).as("a result of the asked type").isInstanceOf(type);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).as("a clean failure").isInstanceOf(JsonRpcException.class);
                assertThat(e.getCause().getMessage()).doesNotContain("\tat ");
            }
        } else {
            // the line did not answer it: the caller gives up, which tells the client
            answer.cancel(false);
            assertThat(connection.take()).as("the cancel notification").singleElement().asString()
                    .contains("\"method\":\"$/cancel_request\"");
        }
        live = connection;
    }
}
