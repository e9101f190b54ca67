package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.PARSE_ERROR;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import java.util.List;

/** A line that is not JSON: error -32700 with id null, and the agent carries on. */
public final class ParseErrorScenario implements Scenario {

    static final String MALFORMED = "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"initialize\",\"params\":{";

    @Override
    public String name() {
        return "parse-error";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(PARSE_ERROR);
    }

    @Override
    public void run(ScenarioContext context) {
        AgentConnection connection = context.connection();
        context.client().initialize(AcpClient.noCapabilities());
        long mark = connection.mark();
        connection.sendRaw(MALFORMED);
        Inbound answer = connection.awaitInbound(Inbound::isResponse, mark, connection.responseTimeoutMillis())
                .orElse(null);
        if (answer == null) {
            context.fail(PARSE_ERROR, connection.noAnswer("a malformed line", connection.responseTimeoutMillis()));
            return;
        }
        String failure = ErrorChecks.expectCode(answer.json(), -32700);
        if (failure == null && (answer.id() == null || !answer.id().isNull())) {
            failure = "the -32700 error has id " + Json.brief(answer.id()) + " instead of null";
        }
        if (failure != null) {
            context.fail(PARSE_ERROR, failure);
            return;
        }
        if (!connection.isAlive() || connection.stdoutClosed()) {
            context.fail(PARSE_ERROR, "answered -32700 but then stopped" + connection.endNote());
            return;
        }
        connection.call("conformance/probe_after_parse_error", Json.object());
        context.pass(PARSE_ERROR, "-32700 with id null, and the next request was answered");
    }
}
