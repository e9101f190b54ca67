package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.CAPABILITIES_RESPECTED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.AgentFailure;
import dev.acp4j.conformance.driver.Inbound;
import java.util.List;
import java.util.Optional;

/**
 * A whole ordinary conversation (initialize advertising nothing, session/new, one prompt turn)
 * during which the agent must not ask the client for files, terminals or elicitations.
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
        String observed = converse(context);
        List<String> offending = context.connection().inbound().stream()
                .filter(in -> in.kind() == Inbound.Kind.REQUEST)
                .map(Inbound::method)
                .filter(CapabilityRespectScenario::needsCapability)
                .distinct().toList();
        context.judge(CAPABILITIES_RESPECTED, offending.isEmpty() ? null
                        : "sent " + offending + " to a client that advertised no such capability",
                "no fs/terminal/elicitation requests; " + observed);
    }

    static boolean needsCapability(String method) {
        return method.startsWith("fs/") || method.startsWith("terminal/") || method.equals("elicitation/create");
    }

    /** Runs as far as the agent lets it; returns what was observed, for the reason. */
    private static String converse(ScenarioContext context) {
        AgentConnection connection = context.connection();
        context.client().initialize(AcpClient.noCapabilities());
        String sessionId;
        try {
            context.client().authenticateIfConfigured();
            sessionId = context.client().newSessionId();
        } catch (AgentFailure e) {
            return "observed initialize only (" + e.getMessage() + ")";
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
