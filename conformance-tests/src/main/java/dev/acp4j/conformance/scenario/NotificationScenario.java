package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.NOTIFICATIONS_NOT_ANSWERED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import java.util.List;

/** Notifications (unknown ones, and session/cancel for a session that does not exist) get no response. */
public final class NotificationScenario implements Scenario {

    /** How long after the probe request's answer a late answer to a notification is still caught. */
    static final long SETTLE_MILLIS = 300;

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(NOTIFICATIONS_NOT_ANSWERED);
    }

    @Override
    public void run(ScenarioContext context) {
        AgentConnection connection = context.connection();
        context.client().initialize(AcpClient.noCapabilities());
        long mark = connection.mark();
        connection.notify("conformance/unknown_notification", Json.object().put("probe", true));
        connection.notify("_conformance/unknown_notification", Json.object());
        connection.notify("session/cancel", Json.object().put("sessionId", "conformance-no-such-session"));
        JsonNode probe = connection.request("conformance/probe_after_notifications", Json.object());
        connection.await(probe, "conformance/probe_after_notifications", connection.responseTimeoutMillis());
        sleep(SETTLE_MILLIS);
        String probeId = Json.write(probe);
        List<Inbound> stray = connection.inboundSince(mark).stream()
                .filter(Inbound::isResponse)
                .filter(in -> !probeId.equals(Json.write(in.id())))
                .toList();
        context.judge(NOTIFICATIONS_NOT_ANSWERED,
                stray.isEmpty() ? null : stray.size() + " response(s) to notifications, first: "
                        + Json.brief(stray.get(0).json()),
                "3 notifications unanswered; only the following request was answered");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
