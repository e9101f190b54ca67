package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's {@link NotesAgent}: two servers, one after the other, on one session store. */
class AuthorApiExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleIsTheCompiledOne() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(Path.of("src/test/java/dev/acp4j/server/NotesAgent.java"));
        String example = source.substring(source.indexOf("final class NotesAgent")).strip();
        assertThat(readme).contains(example);
    }

    @Test
    void anAgentGetsPersistenceModesOptionsAndItsContextBackAfterALoad() throws Exception {
        String sessionId;
        try (Connection first = new Connection()) {
            JsonNode init = first.call("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
            assertThat(init.at("/result/agentCapabilities/promptCapabilities/image").asBoolean()).isTrue();
            assertThat(init.at("/result/agentCapabilities/promptCapabilities/audio").asBoolean()).isFalse();
            JsonNode created = first.call("session/new", Map.of("cwd", dir.toString(), "mcpServers", List.of()));
            sessionId = created.at("/result/sessionId").asText();
            assertThat(created.at("/result/modes/currentModeId").asText()).isEqualTo("ask");
            assertThat(created.at("/result/configOptions/0/currentValue").asText()).isEqualTo("small");
            assertThat(first.call("session/set_config_option", Map.of("sessionId", sessionId, "configId", "model",
                    "value", "large")).has("result")).isTrue();
            List<JsonNode> updates = new ArrayList<>();
            first.prompt(sessionId, "first", updates);
            assertThat(kinds(updates)).contains("session_info_update", "agent_message_chunk", "usage_update");
            assertThat(texts(updates)).containsExactly("(ask, large) message 1 of this session");
        }
        try (Connection second = new Connection()) {
            second.call("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
            JsonNode listed = second.call("session/list", Map.of());
            assertThat(listed.at("/result/sessions/0/title").asText()).isEqualTo("first");
            List<JsonNode> replay = new ArrayList<>();
            JsonNode loaded = second.call("session/load", Map.of("sessionId", sessionId, "cwd", dir.toString(),
                    "mcpServers", List.of()), replay);
            assertThat(kinds(replay)).containsExactly("user_message_chunk", "agent_message_chunk");
            assertThat(loaded.at("/result/configOptions/0/currentValue").asText()).isEqualTo("large");
            List<JsonNode> updates = new ArrayList<>();
            second.prompt(sessionId, "second", updates);
            assertThat(texts(updates)).as("the context was rebuilt from the history by sessionRestored")
                    .containsExactly("(ask, large) message 3 of this session");
        }
    }

    private static List<String> kinds(List<JsonNode> updates) {
        return updates.stream().map(u -> u.at("/params/update/sessionUpdate").asText()).toList();
    }

    private static List<String> texts(List<JsonNode> updates) {
        return updates.stream().filter(u -> "agent_message_chunk".equals(u.at("/params/update/sessionUpdate").asText()))
                .map(u -> u.at("/params/update/content/text").asText()).toList();
    }

    /** An in-process server with the README agent, and a client on the other end of two pipes. */
    private final class Connection implements AutoCloseable {
        private final PipedOutputStream toServer = new PipedOutputStream();
        private final BlockingQueue<JsonNode> fromServer = new LinkedBlockingQueue<>();
        private final Thread server;
        private int nextId = 1;

        Connection() throws IOException {
            PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
            PipedInputStream clientIn = new PipedInputStream(1 << 16);
            OutputStream serverOut = new PipedOutputStream(clientIn);
            ServerConfig config = new ServerConfig("test", List.of(), dir.resolve("credentials.json"),
                    ServerConfig.DEFAULT_ELICITATION_TIMEOUT, dir.resolve("sessions").toString());
            AcpServer acp = AcpServer.builder().agent(new NotesAgent()).config(config)
                    .launch(Map.of("HOME", dir.toString()), Map.of()).build();
            server = new Thread(() -> {
                acp.serve(serverIn, serverOut);
                try {
                    serverOut.close();
                } catch (IOException ignored) {
                    // the client is gone
                }
            });
            server.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        fromServer.add(JSON.readTree(line));
                    }
                } catch (IOException ignored) {
                    // the server closed its end
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        JsonNode call(String method, Object params) throws Exception {
            return call(method, params, new ArrayList<>());
        }

        JsonNode call(String method, Object params, List<JsonNode> before) throws Exception {
            int id = nextId++;
            String line = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
            while (true) {
                JsonNode message = fromServer.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("an answer to " + method).isNotNull();
                if (message.has("id") && !message.has("method") && message.get("id").asInt() == id) {
                    return message;
                }
                if (!"available_commands_update".equals(message.at("/params/update/sessionUpdate").asText())
                        && !"config_option_update".equals(message.at("/params/update/sessionUpdate").asText())) {
                    before.add(message);
                }
            }
        }

        void prompt(String sessionId, String text, List<JsonNode> updates) throws Exception {
            JsonNode answer = call("session/prompt", Map.of("sessionId", sessionId,
                    "prompt", List.of(Map.of("type", "text", "text", text))), updates);
            assertThat(answer.at("/result/stopReason").asText()).isEqualTo("end_turn");
        }

        @Override
        public void close() throws Exception {
            toServer.close();
            server.join(10_000);
            assertThat(server.isAlive()).isFalse();
        }
    }
}
