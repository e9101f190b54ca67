package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.auth.Credential;
import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionConfigSelectOption;
import dev.acp4j.protocol.session.SessionConfigSelectOptions;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Agent#requiredProviders(GatedRequest)} of an author's agent, in process: its model option
 * picks the provider, and a prompt that asks for a web search needs the search provider too.
 */
class RequiredProvidersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> asked = new CopyOnWriteArrayList<>();

    /** Two models from two providers, and a search tool from a third. */
    private final class ModelsAgent implements Agent {
        @Override
        public List<SessionConfigOption> configOptions() {
            return List.of(SessionConfigOption.select("model", "Model", "gpt", SessionConfigSelectOptions.of(List.of(
                    SessionConfigSelectOption.of("gpt", "GPT"), SessionConfigSelectOption.of("claude", "Claude")))));
        }

        @Override
        public List<String> requiredProviders(GatedRequest request) {
            asked.add(request.method() + " " + request.sessionId().isPresent() + " " + request.configValue("model"));
            List<String> providers = new ArrayList<>();
            providers.add("claude".equals(request.configValue("model")) ? "anthropic" : "openai");
            if (request.prompt().toString().contains("search")) {
                providers.add("search");
            }
            return providers;
        }

        @Override
        public StopReason prompt(PromptTurn turn) {
            turn.sendText(turn.credential().map(Credential::provider).orElse("none") + " " + turn.requiredProviders());
            return StopReason.END_TURN;
        }
    }

    private ServerConfig config() {
        return ServerConfig.builder()
                .authMethod(AuthMethodConfig.envVar("openai-env", "OpenAI key").provider("openai").providerName("OpenAI")
                        .variable("OPENAI_API_KEY", "API key").build())
                .authMethod(AuthMethodConfig.envVar("anthropic-env", "Anthropic key").provider("anthropic")
                        .providerName("Anthropic").variable("ANTHROPIC_API_KEY", "API key").build())
                .authMethod(AuthMethodConfig.envVar("search-env", "Search key").provider("search").providerName("Search")
                        .variable("SEARCH_API_KEY", "API key").build())
                .credentialStore(dir.resolve("credentials.json"))
                .sessionStore("none")
                .build();
    }

    @Test
    void theModelsProviderAdmitsTheSessionAndEachPromptNeedsWhatTheAgentSays() throws Exception {
        try (Connection client = new Connection(Map.of("OPENAI_API_KEY", "sk-openai-1", "SEARCH_API_KEY", "sk-search-1"))) {
            client.call("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
            JsonNode created = client.call("session/new", Map.of("cwd", dir.toString(), "mcpServers", List.of()));
            String sessionId = created.at("/result/sessionId").asText();
            assertThat(sessionId).as(created.toString()).isNotBlank();
            assertThat(client.text(client.call("session/prompt", prompt(sessionId, "search the web"))))
                    .isEqualTo("openai [openai, search]");

            client.call("session/set_config_option", Map.of("sessionId", sessionId, "configId", "model", "value", "claude"));
            JsonNode refused = client.call("session/prompt", prompt(sessionId, "hello"));
            assertThat(refused.at("/error/code").asInt()).as(refused.toString()).isEqualTo(-32000);
            assertThat(refused.at("/error/data/availableMethodIds").toString()).isEqualTo("[\"anthropic-env\"]");
            assertThat(refused.at("/error/message").asText()).isEqualTo("Sign in to Anthropic: set ANTHROPIC_API_KEY and restart");
        }
        assertThat(asked).containsExactly("session/new false gpt", "session/prompt true gpt", "session/prompt true claude");
    }

    @Test
    void aPromptThatNeedsTwoMissingProvidersNamesOnlyThose() throws Exception {
        try (Connection client = new Connection(Map.of("ANTHROPIC_API_KEY", "sk-ant-1"))) {
            client.call("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
            JsonNode refused = client.call("session/new", Map.of("cwd", dir.toString(), "mcpServers", List.of()));
            assertThat(refused.at("/error/data/availableMethodIds").toString()).isEqualTo("[\"openai-env\"]");
            assertThat(refused.at("/error/message").asText()).isEqualTo("Sign in to OpenAI: set OPENAI_API_KEY and restart");
        }
    }

    private static Map<String, Object> prompt(String sessionId, String text) {
        return Map.of("sessionId", sessionId, "prompt", List.of(Map.of("type", "text", "text", text)));
    }

    /** An in-process server with {@link ModelsAgent}, and a client on the other end of two pipes. */
    private final class Connection implements AutoCloseable {
        private final PipedOutputStream toServer = new PipedOutputStream();
        private final BlockingQueue<JsonNode> fromServer = new LinkedBlockingQueue<>();
        private final List<JsonNode> updates = new ArrayList<>();
        private final Thread server;
        private int nextId = 1;

        Connection(Map<String, String> env) throws IOException {
            PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
            PipedInputStream clientIn = new PipedInputStream(1 << 16);
            OutputStream serverOut = new PipedOutputStream(clientIn);
            AcpServer acp = AcpServer.builder().agent(new ModelsAgent()).config(config()).launch(env, Map.of()).build();
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
            int id = nextId++;
            updates.clear();
            String line = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
            while (true) {
                JsonNode message = fromServer.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("an answer to " + method).isNotNull();
                if (message.has("id") && !message.has("method") && message.get("id").asInt() == id) {
                    return message;
                }
                updates.add(message);
            }
        }

        /** The agent's text streamed before {@code answer}, which must end the turn. */
        String text(JsonNode answer) {
            assertThat(answer.at("/result/stopReason").asText()).as(answer.toString()).isEqualTo("end_turn");
            StringBuilder text = new StringBuilder();
            updates.stream().filter(u -> "agent_message_chunk".equals(u.at("/params/update/sessionUpdate").asText()))
                    .forEach(u -> text.append(u.at("/params/update/content/text").asText()));
            return text.toString();
        }

        @Override
        public void close() throws Exception {
            toServer.close();
            server.join(10_000);
            assertThat(server.isAlive()).isFalse();
        }
    }
}
