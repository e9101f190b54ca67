package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentclientprotocol.sdk.client.AcpClient;
import com.agentclientprotocol.sdk.client.AcpSyncClient;
import com.agentclientprotocol.sdk.client.transport.AgentParameters;
import com.agentclientprotocol.sdk.client.transport.StdioAcpClientTransport;
import com.agentclientprotocol.sdk.json.AcpJsonMapper;
import com.agentclientprotocol.sdk.json.TypeRef;
import com.agentclientprotocol.sdk.spec.AcpSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The official ACP Java SDK client ({@code com.agentclientprotocol:acp-core} 0.14.0, the newest on
 * Maven Central) against {@code bin/acp4j}, launched by the SDK's own stdio transport: initialize,
 * authenticate with an {@code env_var} method, session/new, a prompt streamed to {@code end_turn},
 * and a long turn cancelled with the SDK's {@code cancel}; and an {@code api_key_page} sign-in
 * through the SDK's elicitation handler (a scripted browser submits the page).
 *
 * <p>The SDK writes every content block with its {@code type} twice; that this works at all is
 * issue 12's first finding (the trace shows the repeated key arrived as the SDK wrote it).
 *
 * <p>Two limits of the SDK, not of acp4j (README, "Interop tests"): it hands session updates to
 * the consumer on a thread pool, each on its own, so they may arrive out of the order acp4j wrote
 * them (the order is checked in the trace); and it cannot read {@code session_info_update}, a
 * stable v1 update it has no type for: it logs "Error handling notification" and drops it. Every
 * session update is read here as the SDK reads it, so a second kind it cannot read fails the test.
 */
class JavaSdkClientInteropIT {

    private static final String KEY_VARIABLE = "INTEROP_API_KEY";
    private static final String KEY = "interop-java-sdk-key-0123456789";
    private static final String PAGE_KEY = "interop-java-sdk-page-key-9876543210";
    private static final int STREAMED = 5;

    @TempDir
    Path home;

    private final List<String> agentStderr = new CopyOnWriteArrayList<>();
    private final List<AcpSchema.SessionNotification> updates = new CopyOnWriteArrayList<>();
    /** The {@code sessionUpdate} of each update the SDK cannot read, with its reason. */
    private final Map<String, String> unreadable = new ConcurrentHashMap<>();

    @Test
    void theJavaSdkClientSignsInWithAnEnvVarMethodPromptsToEndTurnAndCancelsALongTurn() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        AcpSyncClient client = connect(InteropSupport.writeConfig(home, KEY_VARIABLE), trace);
        try {
            AcpSchema.InitializeResponse init = client.initialize(
                    new AcpSchema.InitializeRequest(1, new AcpSchema.ClientCapabilities()));
            assertThat(init.protocolVersion()).isEqualTo(1);
            assertThat(init.agentInfo().name()).isEqualTo("acp4j");
            assertThat(init.authMethods()).extracting(AcpSchema.AuthMethod::id).contains("interop-env", "interop-page");

            assertThat(client.authenticate(new AcpSchema.AuthenticateRequest("interop-env"))).isNotNull();

            String sessionId = client.newSession(new AcpSchema.NewSessionRequest(home.toString(), List.of())).sessionId();
            assertThat(sessionId).isNotBlank();

            AcpSchema.PromptResponse answer = client.prompt(new AcpSchema.PromptRequest(sessionId,
                    List.of(new AcpSchema.TextContent("/stream " + STREAMED))));
            assertThat(answer.stopReason()).isEqualTo(AcpSchema.StopReason.END_TURN);
            awaitUntil(() -> chunks(sessionId).size() >= STREAMED, "the streamed chunks");
            assertThat(chunks(sessionId)).as("the SDK's consumer gets them in any order")
                    .containsExactlyInAnyOrder("chunk 1/5\n", "chunk 2/5\n", "chunk 3/5\n", "chunk 4/5\n", "chunk 5/5\n");

            updates.clear();
            CompletableFuture<AcpSchema.PromptResponse> longTurn = CompletableFuture.supplyAsync(() -> client.prompt(
                    new AcpSchema.PromptRequest(sessionId, List.of(new AcpSchema.TextContent("/stream 300")))));
            awaitUntil(() -> !chunks(sessionId).isEmpty(), "the first chunk of the long turn");
            client.cancel(new AcpSchema.CancelNotification(sessionId));
            assertThat(longTurn.get(20, TimeUnit.SECONDS).stopReason()).isEqualTo(AcpSchema.StopReason.CANCELLED);
            assertThat(chunks(sessionId)).as("chunks of the cancelled turn").hasSizeLessThan(300);
        } finally {
            client.closeGracefully();
        }

        assertThat(Files.readString(trace)).as("the SDK's prompt line, as it wrote it")
                .contains("{\"type\":\"text\",\"type\":\"text\",\"text\":\"/stream 5\"}");
        assertThat(sentTexts(trace).subList(0, STREAMED)).as("the chunks as acp4j wrote them")
                .containsExactly("chunk 1/5\n", "chunk 2/5\n", "chunk 3/5\n", "chunk 4/5\n", "chunk 5/5\n");
        InteropSupport.assertAgentLinesValid(trace);
        assertThat(String.join("\n", agentStderr)).doesNotContain(KEY).doesNotContain("Exception");
        assertThat(unreadable).isEmpty();
    }

    @Test
    void theJavaSdkClientReadsEverySessionUpdateOfTheBuiltInAgentButSessionInfoUpdate() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        AcpSyncClient client = connect(InteropSupport.writeConfig(home, KEY_VARIABLE), trace);
        try {
            client.initialize(new AcpSchema.InitializeRequest(1, new AcpSchema.ClientCapabilities()));
            client.authenticate(new AcpSchema.AuthenticateRequest("interop-env"));
            String sessionId = client.newSession(new AcpSchema.NewSessionRequest(home.toString(), List.of())).sessionId();
            // A first prompt that is not a command names the session: session_info_update.
            assertThat(client.prompt(new AcpSchema.PromptRequest(sessionId,
                    List.of(new AcpSchema.TextContent("hello from the Java SDK")))).stopReason())
                    .isEqualTo(AcpSchema.StopReason.END_TURN);
            assertThat(client.setSessionMode(new AcpSchema.SetSessionModeRequest(sessionId, "code"))).isNotNull();
            assertThat(client.setSessionConfigOption(
                    AcpSchema.SetSessionConfigOptionRequest.select(sessionId, "model", "acp4j-max"))).isNotNull();
            awaitUntil(() -> updates.stream().anyMatch(n -> n.update() instanceof AcpSchema.ConfigOptionUpdate u
                    && u.configOptions().stream().anyMatch(o -> o instanceof AcpSchema.SessionConfigSelect select
                    && "acp4j-max".equals(select.currentValue()))), "the config_option_update for the model");
        } finally {
            client.closeGracefully();
        }

        assertThat(sentUpdateKinds(trace)).as("what acp4j wrote").contains("available_commands_update",
                "agent_message_chunk", "session_info_update", "current_mode_update", "config_option_update");
        assertThat(unreadable).as("the session updates the SDK cannot read").containsOnlyKeys("session_info_update");
        assertThat(unreadable.get("session_info_update")).contains("session_info_update");
        assertThat(updates).extracting(n -> n.update().getClass().getSimpleName()).as("what the SDK's consumer got")
                .contains("AvailableCommandsUpdate", "AgentMessageChunk", "CurrentModeUpdate", "ConfigOptionUpdate");
        InteropSupport.assertAgentLinesValid(trace);
    }

    @Test
    void theJavaSdkClientSignsInOnTheApiKeyPageThroughItsElicitationHandler() throws Exception {
        Path trace = home.resolve("trace.jsonl");
        CompletableFuture<AcpSchema.CreateElicitationRequest> asked = new CompletableFuture<>();
        List<Object> completed = new CopyOnWriteArrayList<>();
        AcpSyncClient client = connect(InteropSupport.writeConfig(home, KEY_VARIABLE), trace, Map.of(), spec -> spec
                .createElicitationHandler(request -> {
                    asked.complete(request);
                    return AcpSchema.CreateElicitationResponse.accept(null);
                })
                .notificationHandler(AcpSchema.METHOD_ELICITATION_COMPLETE, params -> {
                    completed.add(params);
                    return Mono.empty();
                }));
        try {
            client.initialize(new AcpSchema.InitializeRequest(1, new AcpSchema.ClientCapabilities(
                    new AcpSchema.FileSystemCapability(), false, new AcpSchema.ElicitationCapabilities(null, Map.of(), null),
                    null)));
            CompletableFuture<AcpSchema.AuthenticateResponse> signIn = CompletableFuture.supplyAsync(
                    () -> client.authenticate(new AcpSchema.AuthenticateRequest("interop-page")));
            AcpSchema.CreateElicitationRequest elicitation = asked.get(20, TimeUnit.SECONDS);
            assertThat(elicitation.mode()).isEqualTo("url");
            assertThat(elicitation.url()).startsWith("http://127.0.0.1:");
            ScriptedBrowser browser = new ScriptedBrowser();
            ScriptedBrowser.Page done = browser.submitPassword(browser.open(URI.create(elicitation.url())), PAGE_KEY);
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(signIn.get(20, TimeUnit.SECONDS)).as("authenticate answered {}").isNotNull();
            awaitUntil(() -> !completed.isEmpty(), "elicitation/complete");

            String sessionId = client.newSession(new AcpSchema.NewSessionRequest(home.toString(), List.of())).sessionId();
            assertThat(client.prompt(new AcpSchema.PromptRequest(sessionId, List.of(new AcpSchema.TextContent("/whoami"))))
                    .stopReason()).isEqualTo(AcpSchema.StopReason.END_TURN);
            awaitUntil(() -> !chunks(sessionId).isEmpty(), "the answer to /whoami");
            assertThat(chunks(sessionId).get(0)).contains("provider interop-page");
        } finally {
            client.closeGracefully();
        }
        Path store = InteropSupport.credentialStore(home);
        assertThat(Files.readString(store)).contains(PAGE_KEY);
        InteropSupport.assertOwnerOnly(store);
        assertThat(Files.readString(trace) + String.join("\n", agentStderr)).doesNotContain(PAGE_KEY);
        InteropSupport.assertAgentLinesValid(trace);
        assertThat(unreadable).isEmpty();
    }

    private AcpSyncClient connect(Path config, Path trace) {
        return connect(config, trace, Map.of(KEY_VARIABLE, KEY), spec -> spec);
    }

    private AcpSyncClient connect(Path config, Path trace, Map<String, String> env,
                                  UnaryOperator<AcpClient.SyncSpec> handlers) {
        AgentParameters parameters = AgentParameters.builder(AgentProcess.launcher().toString())
                .args("--config", config.toString(), "--trace", trace.toString())
                .addEnvVar("HOME", home.toString())
                .env(env)
                .build();
        StdioAcpClientTransport transport = new StdioAcpClientTransport(parameters, AcpJsonMapper.createDefault()) {
            @Override
            protected ProcessBuilder getProcessBuilder() {
                ProcessBuilder builder = new ProcessBuilder();
                InteropSupport.isolate(builder.environment(), home);
                return builder;
            }

            /** Reads each session update on the way in, in order, as the SDK's own handler will. */
            @Override
            public Mono<Void> connect(Function<Mono<AcpSchema.JSONRPCMessage>, Mono<AcpSchema.JSONRPCMessage>> handler) {
                return super.connect(inbound -> handler.apply(inbound.doOnNext(this::readAsTheSdkDoes)));
            }

            private void readAsTheSdkDoes(AcpSchema.JSONRPCMessage message) {
                if (message instanceof AcpSchema.JSONRPCNotification notification
                        && AcpSchema.METHOD_SESSION_UPDATE.equals(notification.method())) {
                    try {
                        unmarshalFrom(notification.params(), new TypeRef<AcpSchema.SessionNotification>() {
                        });
                    } catch (RuntimeException e) {
                        Object update = notification.params() instanceof Map<?, ?> params ? params.get("update") : null;
                        Object kind = update instanceof Map<?, ?> fields ? fields.get("sessionUpdate") : null;
                        unreadable.putIfAbsent(String.valueOf(kind), String.valueOf(e.getMessage()));
                    }
                }
            }
        };
        transport.setStdErrorHandler(agentStderr::add);
        return handlers.apply(AcpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .sessionUpdateConsumer(updates::add))
                .build();
    }

    /** The text of every agent_message_chunk received for the session, in order. */
    private List<String> chunks(String sessionId) {
        return updates.stream()
                .filter(n -> sessionId.equals(n.sessionId()))
                .map(AcpSchema.SessionNotification::update)
                .filter(AcpSchema.AgentMessageChunk.class::isInstance)
                .map(u -> ((AcpSchema.AgentMessageChunk) u).content())
                .filter(AcpSchema.TextContent.class::isInstance)
                .map(c -> ((AcpSchema.TextContent) c).text())
                .toList();
    }

    /** The {@code session/update} lines acp4j wrote, in order. */
    private static List<JsonNode> sentUpdates(Path trace) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> sent = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            JsonNode entry = json.readTree(line);
            if ("out".equals(entry.path("dir").asText())
                    && AcpSchema.METHOD_SESSION_UPDATE.equals(entry.at("/msg/method").asText())) {
                sent.add(entry.at("/msg/params/update"));
            }
        }
        return sent;
    }

    private static List<String> sentUpdateKinds(Path trace) throws IOException {
        return sentUpdates(trace).stream().map(u -> u.path("sessionUpdate").asText()).toList();
    }

    /** The text of each agent_message_chunk acp4j wrote, in order. */
    private static List<String> sentTexts(Path trace) throws IOException {
        return sentUpdates(trace).stream()
                .filter(u -> "agent_message_chunk".equals(u.path("sessionUpdate").asText()))
                .map(u -> u.at("/content/text").asText())
                .toList();
    }

    /** Notifications are delivered on the SDK's own threads, possibly just after the answer they precede. */
    private void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client never received " + what + "; updates: " + updates
                        + "; agent stderr: " + agentStderr);
            }
            Thread.sleep(20);
        }
    }
}
