package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.protocol.AcpErrorCodes;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client and stderr get when an author's agent throws. */
class AgentErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private OutputStream toAgent;
    private BufferedReader fromAgent;
    private Thread serving;

    private final Agent agent = turn -> switch (turn.text()) {
        case "/invalid" -> throw JsonRpcException.invalidParams("'path' must be inside the session's cwd");
        case "/custom" -> throw JsonRpcException.of(-32050, "The model is overloaded", Map.of("retryAfterSeconds", 60));
        case "/missing" -> throw JsonRpcException.of(AcpErrorCodes.RESOURCE_NOT_FOUND, "no such file");
        case "/bug" -> throw new IllegalStateException("a bug in the agent");
        default -> StopReason.END_TURN;
    };

    @BeforeEach
    void serve() throws Exception {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        PipedInputStream agentIn = new PipedInputStream(1 << 16);
        toAgent = new PipedOutputStream(agentIn);
        PipedOutputStream agentOut = new PipedOutputStream();
        fromAgent = new BufferedReader(new InputStreamReader(new PipedInputStream(agentOut, 1 << 16), StandardCharsets.UTF_8));
        AcpServer server = AcpServer.builder()
                .agent(agent)
                .config(new ConfigLoader().parse("test", "{}".getBytes(StandardCharsets.UTF_8)))
                .launch(Map.of("HOME", home.toString()), Map.of())
                .build();
        serving = new Thread(() -> {
            server.serve(agentIn, agentOut);
            try {
                agentOut.close();
            } catch (java.io.IOException ignored) {
                // test over
            }
        });
        serving.start();
    }

    @AfterEach
    void stop() throws Exception {
        toAgent.close();
        serving.join(10_000);
        System.setErr(originalErr);
    }

    @Test
    void aJsonRpcExceptionReachesTheClientAsThrownAndAnythingElseIsAnInternalErrorLoggedWithTheRequest() throws Exception {
        call(0, "initialize", "{\"protocolVersion\":1,\"clientCapabilities\":{}}");
        String sessionId = call(1, "session/new", "{\"cwd\":\"" + home + "\",\"mcpServers\":[]}").at("/result/sessionId").asText();

        JsonNode invalid = prompt(2, sessionId, "/invalid");
        assertThat(invalid.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(invalid.at("/error/message").asText()).isEqualTo("Invalid params: 'path' must be inside the session's cwd");

        JsonNode custom = prompt(3, sessionId, "/custom");
        assertThat(custom.at("/error/code").asInt()).isEqualTo(-32050);
        assertThat(custom.at("/error/message").asText()).isEqualTo("The model is overloaded");
        assertThat(custom.at("/error/data/retryAfterSeconds").asInt()).isEqualTo(60);

        assertThat(prompt(4, sessionId, "/missing").at("/error/code").asInt()).isEqualTo(-32002);

        JsonNode bug = prompt(5, sessionId, "/bug");
        assertThat(bug.at("/error/code").asInt()).isEqualTo(-32603);
        assertThat(bug.toString()).doesNotContain("a bug in the agent");
        String log = stderr.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("session/prompt request (id 5) failed")
                .contains("IllegalStateException: a bug in the agent")
                .as("params (here the prompt text) are never logged").doesNotContain("\"/bug\"");
        assertThat(log).doesNotContain("(id 2)").doesNotContain("(id 3)");

        assertThat(prompt(6, sessionId, "hello").at("/result/stopReason").asText()).isEqualTo("end_turn");
    }

    private JsonNode prompt(int id, String sessionId, String text) throws Exception {
        return call(id, "session/prompt", "{\"sessionId\":\"" + sessionId + "\",\"prompt\":[{\"type\":\"text\",\"text\":\""
                + text + "\"}]}");
    }

    private JsonNode call(int id, String method, String params) throws Exception {
        toAgent.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        toAgent.flush();
        while (true) {
            String line = fromAgent.readLine();
            assertThat(line).as("the agent's answer to request " + id).isNotNull();
            JsonNode message = JSON.readTree(line);
            if (message.path("id").asInt(-1) == id && !message.has("method")) {
                return message;
            }
        }
    }
}
