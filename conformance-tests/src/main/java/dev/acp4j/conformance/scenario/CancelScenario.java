package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.CANCEL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Response;
import java.util.List;
import java.util.Optional;

/** A long prompt turn, cancelled with session/cancel once it is under way: it must end 'cancelled'. */
public final class CancelScenario implements Scenario {

    /** The longest wait for the turn's first session/update before cancelling anyway. */
    static final long FIRST_UPDATE_WAIT_MILLIS = 300;

    @Override
    public String name() {
        return "prompt-cancel";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(CANCEL);
    }

    @Override
    public void run(ScenarioContext context) {
        AgentConnection connection = context.connection();
        context.client().initialize(context.client().sessionCapabilities());
        context.client().authenticateIfConfigured();
        Response session = context.client().sessionNew();
        if (!session.isResult()) {
            if (Integer.valueOf(UnauthenticatedSessionScenario.AUTH_REQUIRED).equals(session.errorCode())
                    && context.settings().authMethod() == null) {
                context.skip(CANCEL, "session/new requires authentication; pass --auth-method");
            } else {
                context.fail(CANCEL, "session/new failed: " + session.describe());
            }
            return;
        }
        String sessionId = session.result().path("sessionId").asText();
        long mark = connection.mark();
        JsonNode prompt = context.client().startPrompt(sessionId, context.settings().longPrompt());
        connection.awaitInbound(in -> in.answers(prompt) || "session/update".equals(in.method()), mark,
                FIRST_UPDATE_WAIT_MILLIS);
        Optional<Inbound> early = connection.inboundSince(mark).stream().filter(in -> in.answers(prompt)).findFirst();
        if (early.isPresent()) {
            context.skip(CANCEL, "the turn ended before session/cancel was sent (" + Json.brief(early.get().json())
                    + "); give a longer --long-prompt");
            return;
        }
        long cancelledAt = System.nanoTime();
        long updatesBefore = connection.inboundSince(mark).stream()
                .filter(in -> "session/update".equals(in.method())).count();
        context.client().cancel(sessionId);
        Response answer = connection.await(prompt, "session/prompt", context.settings().turnTimeoutMillis());
        long millis = (System.nanoTime() - cancelledAt) / 1_000_000;
        String stopReason = answer.result().path("stopReason").asText(null);
        context.judge(CANCEL, answer.isResult() && "cancelled".equals(stopReason) ? null
                        : "after session/cancel the prompt answered " + answer.describe()
                        + " instead of stopReason 'cancelled'",
                "stopReason 'cancelled' " + millis + " ms after session/cancel (" + updatesBefore
                        + " session/update before it)");
    }
}
