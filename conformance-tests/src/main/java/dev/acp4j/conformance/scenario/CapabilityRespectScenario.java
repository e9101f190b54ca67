package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.CAPABILITIES_RESPECTED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Response;
import java.util.List;
import java.util.Optional;

/**
 * A whole ordinary conversation (initialize advertising nothing, session/new, one prompt turn)
 * during which the agent must not ask the client for files, terminals or elicitations. When
 * {@code --auth-method} signs in through a URL, the client advertises {@code elicitation.url}
 * (and only that), so URL-mode elicitations are allowed then. A conversation that never reaches
 * the prompt turn has not exercised the requirement: SKIP when authentication is missing, else FAIL.
 */
public final class CapabilityRespectScenario implements Scenario {

    @Override
    public String name() {
        return "capabilities-respected";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(CAPABILITIES_RESPECTED);
    }

    @Override
    public void run(ScenarioContext context) {
        boolean urlAdvertised = context.settings().authSignsInThroughUrl();
        String observed = converse(context);
        if (observed == null) {
            return;
        }
        List<String> offending = context.connection().inbound().stream()
                .filter(in -> in.kind() == Inbound.Kind.REQUEST)
                .filter(in -> needsCapability(in.method())
                        && !(urlAdvertised && isUrlElicitation(in)))
                .map(Inbound::method)
                .distinct().toList();
        String advertised = urlAdvertised ? "advertised only elicitation.url (for --auth-method "
                + context.settings().authMethod() + ")" : "advertised no such capability";
        context.judge(CAPABILITIES_RESPECTED, offending.isEmpty() ? null
                        : "sent " + offending + " to a client that " + advertised,
                "no fs/terminal/" + (urlAdvertised ? "form elicitation" : "elicitation") + " requests; " + observed);
    }

    static boolean needsCapability(String method) {
        return method.startsWith("fs/") || method.startsWith("terminal/") || method.equals("elicitation/create");
    }

    private static boolean isUrlElicitation(Inbound in) {
        return "elicitation/create".equals(in.method()) && "url".equals(in.json().path("params").path("mode").asText());
    }

    /** Runs as far as the agent lets it; returns what was observed, or null when it judged already. */
    private static String converse(ScenarioContext context) {
        AgentConnection connection = context.connection();
        context.client().initialize(context.client().sessionCapabilities());
        context.client().authenticateIfConfigured();
        Response session = context.client().sessionNew();
        String sessionId = session.isResult() ? session.result().path("sessionId").asText(null) : null;
        if (sessionId == null) {
            if (Integer.valueOf(UnauthenticatedSessionScenario.AUTH_REQUIRED).equals(session.errorCode())
                    && context.settings().authMethod() == null) {
                context.skip(CAPABILITIES_RESPECTED, "not exercised: session/new requires authentication; "
                        + "pass --auth-method");
            } else {
                context.fail(CAPABILITIES_RESPECTED, "not exercised: session/new failed: " + session.describe());
            }
            return null;
        }
        JsonNode prompt = context.client().startPrompt(sessionId, context.settings().prompt());
        long turnTimeout = context.settings().turnTimeoutMillis();
        Optional<Inbound> answer = connection.awaitInbound(
                in -> in.answers(prompt), 0, turnTimeout);
        if (answer.isEmpty()) {
            context.client().cancel(sessionId);
            return "observed initialize, session/new and a prompt turn still running after " + turnTimeout + " ms";
        }
        JsonNode response = answer.get().json();
        return "observed initialize, session/new and a prompt turn ("
                + (response.has("result") ? "stopReason " + response.path("result").path("stopReason").asText()
                : "error " + response.path("error").path("code").asText()) + ")";
    }
}
