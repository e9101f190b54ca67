package dev.acp4j.conformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.AgentFailure;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Response;
import dev.acp4j.conformance.driver.ScriptedBrowser;
import dev.acp4j.conformance.run.HarnessSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The ACP client steps scenarios are made of, as raw JSON over one connection. */
public final class AcpClient {

    /** The protocol version the harness speaks. */
    public static final int PROTOCOL_VERSION = 1;

    private static final long SIGN_IN_POLL_MILLIS = 100;

    private final AgentConnection connection;
    private final HarnessSettings settings;

    AcpClient(AgentConnection connection, HarnessSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    /** initialize params with the given client capabilities (an empty object means none). */
    public static ObjectNode initializeParams(long protocolVersion, ObjectNode clientCapabilities) {
        ObjectNode params = Json.object().put("protocolVersion", protocolVersion);
        params.set("clientCapabilities", clientCapabilities);
        params.putObject("clientInfo").put("name", "acp4j-conformance").put("title", "acp4j conformance harness")
                .put("version", "0.1.0");
        return params;
    }

    /** Client capabilities that advertise nothing at all. */
    public static ObjectNode noCapabilities() {
        return Json.object();
    }

    public Response initializeRaw(long protocolVersion, ObjectNode clientCapabilities) {
        return connection.call("initialize", initializeParams(protocolVersion, clientCapabilities));
    }

    /** initialize that must succeed for the scenario to go on. */
    public Initialized initialize(ObjectNode clientCapabilities) {
        Response response = initializeRaw(PROTOCOL_VERSION, clientCapabilities);
        if (!response.isResult() || !response.result().isObject()) {
            throw new AgentFailure("initialize failed: " + response.describe());
        }
        return new Initialized(response.result());
    }

    public Response authenticate(String methodId) {
        return connection.call("authenticate", Json.object().put("methodId", methodId));
    }

    /**
     * The client capabilities of a scenario that will authenticate with {@code --auth-method}:
     * {@code elicitation.url} when that method signs in through a URL, else none.
     */
    public ObjectNode sessionCapabilities() {
        ObjectNode capabilities = noCapabilities();
        if (settings.authSignsInThroughUrl()) {
            capabilities.putObject("elicitation").putObject("url");
        }
        return capabilities;
    }

    /**
     * authenticate with {@code methodId} as a user would: for an agent-type {@code --auth-method}
     * the URL elicitation is opened with the scripted browser and {@code --auth-secret}, or declined
     * without one.
     *
     * @throws NotApplicable when the sign-in cannot be completed through no fault of the agent: the
     *         elicitation was declined for want of {@code --auth-secret}, or the scripted browser
     *         could not complete the page
     */
    public Response authenticateForSession(String methodId) {
        if (!settings.authSignsInThroughUrl() || !methodId.equals(settings.authMethod())) {
            return authenticate(methodId);
        }
        if (settings.authSecret() == null) {
            JsonNode id = connection.request("authenticate", Json.object().put("methodId", methodId));
            Response declined = connection.await(id, "authenticate", settings.turnTimeoutMillis());
            if (declined.isResult()) {
                return declined;
            }
            throw new NotApplicable("--auth-method " + methodId + " signs in through a URL (an agent-type method) "
                    + "and no --auth-secret was given, so the harness declined the elicitation (authenticate answered "
                    + declined.describe() + "); give --auth-secret VALUE for its scripted browser to sign in");
        }
        connection.openUrlElicitationsWith(new ScriptedBrowser(settings.authSecret(),
                Duration.ofMillis(settings.responseTimeoutMillis())));
        try {
            int signInsBefore = connection.signIns().size();
            JsonNode id = connection.request("authenticate", Json.object().put("methodId", methodId));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.turnTimeoutMillis());
            while (System.nanoTime() < deadline && !connection.stdoutClosed()) {
                Optional<Inbound> answer = connection.awaitInbound(in -> in.answers(id), 0, SIGN_IN_POLL_MILLIS);
                if (answer.isPresent()) {
                    return new Response("authenticate", answer.get().json());
                }
                List<ScriptedBrowser.Outcome> signIns = connection.signIns();
                if (signIns.size() > signInsBefore && !signIns.get(signIns.size() - 1).submitted()) {
                    throw new NotApplicable("the harness's scripted browser could not sign in with --auth-method "
                            + methodId + ": " + signIns.get(signIns.size() - 1).problem());
                }
            }
            Optional<Inbound> late = connection.awaitInbound(in -> in.answers(id), 0, 0);
            if (late.isPresent()) {
                return new Response("authenticate", late.get().json());
            }
            throw new AgentFailure(connection.noAnswer("authenticate (id " + Json.write(id) + ")",
                    settings.turnTimeoutMillis()));
        } finally {
            connection.openUrlElicitationsWith(null);
        }
    }

    /** Authenticates with --auth-method when one was given; a failure stops the scenario. */
    public void authenticateIfConfigured() {
        if (settings.authMethod() == null) {
            return;
        }
        Response response = authenticateForSession(settings.authMethod());
        if (!response.isResult()) {
            throw new AgentFailure("authenticate with --auth-method " + settings.authMethod() + " failed: "
                    + response.describe());
        }
    }

    public Response sessionNew() {
        ObjectNode params = Json.object().put("cwd", workspace());
        params.putArray("mcpServers");
        return connection.call("session/new", params);
    }

    /** session/new that must succeed; returns the session id. */
    public String newSessionId() {
        Response response = sessionNew();
        String sessionId = response.result().path("sessionId").asText(null);
        if (!response.isResult() || sessionId == null) {
            throw new AgentFailure("session/new failed: " + response.describe());
        }
        return sessionId;
    }

    /** Sends session/prompt with one text block; returns the request id (the turn runs on). */
    public JsonNode startPrompt(String sessionId, String text) {
        ObjectNode params = Json.object().put("sessionId", sessionId);
        params.putArray("prompt").addObject().put("type", "text").put("text", text);
        return connection.request("session/prompt", params);
    }

    public void cancel(String sessionId) {
        connection.notify("session/cancel", Json.object().put("sessionId", sessionId));
    }

    public Response logout() {
        return connection.call("logout", Json.object());
    }

    private static String workspace() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
    }
}
