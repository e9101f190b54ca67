package dev.acp4j.conformance.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small ACP v1 agent for testing the harness: just enough of initialize, authenticate
 * (an env_var method and an agent method using URL elicitation), session/new, a streaming
 * session/prompt that honours session/cancel, logout, JSON-RPC errors and exit on EOF.
 *
 * <p>{@code FAKE_AGENT_MUTANT} breaks exactly one rule: {@value #MUTANTS}. {@code FAKE_AGENT_KEY}
 * is the credential the {@code fake-key} method reads. The {@code fake-oauth} method's URL is a
 * sign-in page on 127.0.0.1 (a form with a CSRF token in a hidden field and a cookie): submitting
 * {@value #PAGE_SECRET} there completes the sign-in; anything else shows the form again.
 */
public final class FakeAgent {

    static final String MUTANTS = "answer-notification, auth-required-32004, echo-protocol-version, "
            + "terminal-without-capability, stdout-log, exit-on-malformed, ignore-eof, silent, lossy-ids, "
            + "result-and-error, invalid-request-as-not-found, wrong-not-found-code, silent-underscore, "
            + "duplicate-auth-ids, bad-initialize-schema, no-cancel, fs-request, logout-broken, "
            + "no-requires-restart, no-available-method-ids, reused-elicitation-id, no-agent-info, "
            + "multiline-error, noisy-stderr, bad-session-update, lenient-authenticate";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int AUTH_REQUIRED = -32000;
    /** What the sign-in page of {@code fake-oauth} accepts. */
    public static final String PAGE_SECRET = "fake-page-secret";

    private final String csrfToken = UUID.randomUUID().toString();
    private HttpServer signInPage;

    private final String mutant = System.getenv().getOrDefault("FAKE_AGENT_MUTANT", "");
    private final String key = System.getenv("FAKE_AGENT_KEY");
    private final PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
            StandardCharsets.UTF_8);
    private final Map<String, AtomicBoolean> sessions = new ConcurrentHashMap<>();
    private final Map<String, PendingElicitation> pendingElicitations = new ConcurrentHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong(1);
    private volatile boolean authenticated;
    private volatile boolean clientCanRunTerminal;
    private volatile boolean clientHasUrlElicitation;

    private record PendingElicitation(JsonNode authenticateId, String elicitationId) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        new FakeAgent().serve();
    }

    private void serve() throws IOException, InterruptedException {
        System.err.println("fake-agent: started" + (mutant.isEmpty() ? "" : " as mutant " + mutant));
        if (mutant.equals("noisy-stderr")) {
            System.err.print("fake-agent: debug noise\n".repeat(8000));
            System.err.flush();
        }
        if (mutant.equals("stdout-log")) {
            stdout.println("INFO fake-agent starting up");
            stdout.flush();
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = stdin.readLine()) != null) {
            if (!mutant.equals("silent")) {
                handleLine(line);
            }
        }
        if (mutant.equals("ignore-eof")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(0);
    }

    private void handleLine(String line) {
        JsonNode message;
        try {
            message = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            if (mutant.equals("exit-on-malformed")) {
                System.exit(3);
            }
            sendError(NullNode.getInstance(), -32700, "Parse error");
            return;
        }
        if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
            sendError(validIdOrNull(message), invalidRequestCode(), "Invalid request");
            return;
        }
        if (!message.has("method")) {
            if (message.has("id") && (message.has("result") || message.has("error"))) {
                onClientResponse(message);
            } else {
                sendError(validIdOrNull(message), invalidRequestCode(), "Invalid request");
            }
            return;
        }
        if (!message.get("method").isTextual() || message.has("id") && !isValidId(message.get("id"))) {
            sendError(validIdOrNull(message), invalidRequestCode(), "Invalid request");
            return;
        }
        String method = message.get("method").asText();
        JsonNode params = message.path("params");
        if (!message.has("id")) {
            onNotification(method, params);
        } else {
            onRequest(message.get("id"), method, params);
        }
    }

    private void onNotification(String method, JsonNode params) {
        if (mutant.equals("answer-notification")) {
            sendError(NullNode.getInstance(), -32601, "Method not found: " + method);
        }
        if (method.equals("session/cancel") && !mutant.equals("no-cancel")) {
            AtomicBoolean cancelled = sessions.get(params.path("sessionId").asText());
            if (cancelled != null) {
                cancelled.set(true);
            }
        }
    }

    private void onRequest(JsonNode id, String method, JsonNode params) {
        switch (method) {
            case "initialize" -> initialize(id, params);
            case "authenticate" -> authenticate(id, params.path("methodId").asText());
            case "session/new" -> newSession(id);
            case "session/prompt" -> prompt(id, params);
            case "logout" -> {
                if (mutant.equals("logout-broken")) {
                    sendError(id, -32601, "Method not found: logout");
                    return;
                }
                authenticated = false;
                sendResult(id, MAPPER.createObjectNode());
            }
            default -> methodNotFound(id, method);
        }
    }

    private void methodNotFound(JsonNode id, String method) {
        if (method.startsWith("_") && mutant.equals("silent-underscore")) {
            return;
        }
        if (mutant.equals("result-and-error")) {
            ObjectNode response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
            response.set("id", id);
            response.putNull("result");
            response.putObject("error").put("code", -32601).put("message", "Method not found: " + method);
            send(response);
            return;
        }
        boolean wrongCode = mutant.equals("wrong-not-found-code") && !method.startsWith("_");
        sendError(id, wrongCode ? -32603 : -32601, "Method not found: " + method);
    }

    private int invalidRequestCode() {
        return mutant.equals("invalid-request-as-not-found") ? -32601 : -32600;
    }

    private void initialize(JsonNode id, JsonNode params) {
        JsonNode capabilities = params.path("clientCapabilities");
        clientCanRunTerminal = capabilities.path("auth").path("terminal").asBoolean(false);
        clientHasUrlElicitation = capabilities.path("elicitation").path("url").isObject();
        int asked = params.path("protocolVersion").asInt(1);
        ObjectNode result = MAPPER.createObjectNode();
        result.put("protocolVersion", mutant.equals("echo-protocol-version") ? asked : 1);
        ObjectNode agentCapabilities = result.putObject("agentCapabilities");
        if (mutant.equals("bad-initialize-schema")) {
            agentCapabilities.put("loadSession", "no");
        } else {
            agentCapabilities.put("loadSession", false);
        }
        agentCapabilities.putObject("auth").putObject("logout");
        if (!mutant.equals("no-agent-info")) {
            result.putObject("agentInfo").put("name", "fake-agent").put("title", "Fake agent")
                    .put("version", "0.0.1");
        }
        ArrayNode methods = result.putArray("authMethods");
        methods.addObject().put("id", "fake-oauth").put("name", "Sign in to Fake")
                .put("description", "Opens the sign-in page in your browser");
        ObjectNode envVar = methods.addObject().put("id", "fake-key").put("name", "Fake key from the environment")
                .put("type", "env_var");
        envVar.putArray("vars").addObject().put("name", "FAKE_AGENT_KEY").put("label", "Fake key");
        if (!mutant.equals("no-requires-restart")) {
            envVar.put("requiresRestart", key == null);
        }
        if (mutant.equals("duplicate-auth-ids")) {
            ObjectNode duplicate = methods.addObject().put("id", "fake-key").put("name", "Fake key, again")
                    .put("type", "env_var").put("requiresRestart", key == null);
            duplicate.putArray("vars").addObject().put("name", "FAKE_AGENT_KEY");
        }
        if (clientCanRunTerminal || mutant.equals("terminal-without-capability")) {
            ObjectNode terminal = methods.addObject().put("id", "fake-terminal").put("name", "Log in from a terminal")
                    .put("type", "terminal");
            terminal.putArray("args").add("--login");
        }
        sendResult(id, result);
    }

    private void authenticate(JsonNode id, String methodId) {
        switch (methodId) {
            case "fake-key" -> {
                if (key != null) {
                    authenticated = true;
                    sendResult(id, MAPPER.createObjectNode());
                } else {
                    ObjectNode data = MAPPER.createObjectNode();
                    data.putArray("availableMethodIds").add("fake-key");
                    data.put("requiresRestart", true);
                    data.putArray("missing").add("FAKE_AGENT_KEY");
                    sendError(id, AUTH_REQUIRED, "Set FAKE_AGENT_KEY and restart the agent", data);
                }
            }
            case "fake-oauth" -> {
                if (!clientHasUrlElicitation) {
                    ObjectNode data = MAPPER.createObjectNode();
                    data.putArray("availableMethodIds").add("fake-key");
                    sendError(id, AUTH_REQUIRED, "This client cannot open the sign-in page; use fake-key", data);
                    return;
                }
                String requestId = "fake-elicit-" + nextRequestId.getAndIncrement();
                String elicitationId = mutant.equals("reused-elicitation-id") ? "fake-elicitation"
                        : UUID.randomUUID().toString();
                pendingElicitations.put(requestId, new PendingElicitation(id, elicitationId));
                ObjectNode params = MAPPER.createObjectNode();
                params.set("requestId", id);
                params.put("mode", "url").put("elicitationId", elicitationId)
                        .put("url", signInPage() + "/sign-in?state=" + requestId)
                        .put("message", "Sign in to Fake in your browser");
                ObjectNode request = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", requestId)
                        .put("method", "elicitation/create");
                request.set("params", params);
                send(request);
            }
            case "fake-terminal" -> sendError(id, -32602, "terminal methods are run by the client, not authenticate");
            default -> sendError(id, mutant.equals("lenient-authenticate") ? AUTH_REQUIRED : -32602,
                    "Unknown auth method " + methodId + "; advertised: fake-oauth, fake-key");
        }
    }

    private void onClientResponse(JsonNode response) {
        PendingElicitation pending = pendingElicitations.remove(response.path("id").asText());
        if (pending == null) {
            return;
        }
        if ("accept".equals(response.path("result").path("action").asText())) {
            // the user opens the page; the sign-in completes when the right secret is submitted there
            pendingElicitations.put("accepted:" + response.path("id").asText(), pending);
        } else {
            sendError(pending.authenticateId(), AUTH_REQUIRED, "The user declined to sign in");
        }
    }

    private synchronized String signInPage() {
        if (signInPage == null) {
            try {
                signInPage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            signInPage.createContext("/sign-in", this::onSignInPage);
            signInPage.start();
        }
        return "http://127.0.0.1:" + signInPage.getAddress().getPort();
    }

    private void onSignInPage(HttpExchange exchange) throws IOException {
        String state = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery()
                .replaceFirst("^state=", "");
        if ("POST".equals(exchange.getRequestMethod())) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String cookie = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
            boolean valid = form.contains("csrf=" + csrfToken) && cookie.contains("fake_csrf=" + csrfToken)
                    && form.contains("key=" + PAGE_SECRET);
            PendingElicitation pending = valid ? pendingElicitations.remove("accepted:" + state) : null;
            if (pending != null) {
                authenticated = true;
                ObjectNode complete = MAPPER.createObjectNode().put("jsonrpc", "2.0")
                        .put("method", "elicitation/complete");
                complete.putObject("params").put("elicitationId", pending.elicitationId());
                send(complete);
                sendResult(pending.authenticateId(), MAPPER.createObjectNode());
                respond(exchange, "<html><body><p>Signed in. You can close this tab.</p></body></html>");
                return;
            }
        }
        exchange.getResponseHeaders().add("Set-Cookie", "fake_csrf=" + csrfToken + "; Path=/; HttpOnly");
        respond(exchange, "<html><body><form method=\"post\" action=\"/sign-in?state=" + state + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + csrfToken + "\">"
                + "<label for=\"key\">Key</label><input type=\"password\" id=\"key\" name=\"key\">"
                + "<button type=\"submit\">Sign in</button></form></body></html>");
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void newSession(JsonNode id) {
        if (!authenticated) {
            ObjectNode data = MAPPER.createObjectNode();
            data.putArray("availableMethodIds").add("fake-oauth").add("fake-key");
            sendError(id, mutant.equals("auth-required-32004") ? -32004 : AUTH_REQUIRED, "Authentication required",
                    mutant.equals("no-available-method-ids") ? null : data);
            return;
        }
        String sessionId = "sess-" + UUID.randomUUID();
        sessions.put(sessionId, new AtomicBoolean());
        sendResult(id, MAPPER.createObjectNode().put("sessionId", sessionId));
    }

    private void prompt(JsonNode id, JsonNode params) {
        String sessionId = params.path("sessionId").asText();
        AtomicBoolean cancelled = sessions.get(sessionId);
        if (cancelled == null) {
            sendError(id, -32602, "Unknown session " + sessionId);
            return;
        }
        cancelled.set(false);
        if (mutant.equals("fs-request")) {
            ObjectNode read = MAPPER.createObjectNode().put("jsonrpc", "2.0")
                    .put("id", "fake-fs-" + nextRequestId.getAndIncrement()).put("method", "fs/read_text_file");
            read.putObject("params").put("sessionId", sessionId).put("path", "/etc/hostname");
            send(read);
        }
        String text = params.path("prompt").path(0).path("text").asText("");
        int chunks = text.startsWith("/stream ") ? Integer.parseInt(text.substring(8).trim()) : 1;
        Thread turn = new Thread(() -> runTurn(id, sessionId, chunks, cancelled), "turn-" + sessionId);
        turn.setDaemon(true);
        turn.start();
    }

    private void runTurn(JsonNode id, String sessionId, int chunks, AtomicBoolean cancelled) {
        for (int i = 0; i < chunks && !cancelled.get(); i++) {
            ObjectNode update = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "session/update");
            ObjectNode params = update.putObject("params").put("sessionId", sessionId);
            ObjectNode content = params.putObject("update").put("sessionUpdate", "agent_message_chunk")
                    .putObject("content").put("type", "text");
            if (mutant.equals("bad-session-update")) {
                content.put("text", i);
            } else {
                content.put("text", "chunk " + i + " ");
            }
            send(update);
            sleep(20);
        }
        sendResult(id, MAPPER.createObjectNode().put("stopReason", cancelled.get() ? "cancelled" : "end_turn"));
    }

    private static boolean isValidId(JsonNode id) {
        return id.isTextual() || id.isIntegralNumber() || id.isNull();
    }

    private static JsonNode validIdOrNull(JsonNode message) {
        JsonNode id = message == null || !message.isObject() ? null : message.get("id");
        return id != null && isValidId(id) ? id : NullNode.getInstance();
    }

    private JsonNode echo(JsonNode id) {
        if (mutant.equals("lossy-ids") && id.isIntegralNumber()) {
            return MAPPER.getNodeFactory().numberNode((long) id.asDouble());
        }
        return id;
    }

    private void sendResult(JsonNode id, JsonNode result) {
        ObjectNode response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", echo(id));
        response.set("result", result);
        send(response);
    }

    private void sendError(JsonNode id, int code, String message) {
        sendError(id, code, message, null);
    }

    private void sendError(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", echo(id));
        String text = mutant.equals("multiline-error") ? message + "\n\tat FakeAgent.handle(FakeAgent.java)" : message;
        ObjectNode error = response.putObject("error").put("code", code).put("message", text);
        if (data != null) {
            error.set("data", data);
        }
        send(response);
    }

    private synchronized void send(JsonNode message) {
        try {
            stdout.println(MAPPER.writeValueAsString(message));
            stdout.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
