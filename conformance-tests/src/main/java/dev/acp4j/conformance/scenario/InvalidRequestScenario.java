package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.INVALID_REQUEST;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import java.util.ArrayList;
import java.util.List;

/** Valid JSON that is not a valid Request object: error -32600. */
public final class InvalidRequestScenario implements Scenario {

    static final String METHOD_NOT_A_STRING = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7}";
    static final String EMPTY_ARRAY = "[]";

    @Override
    public String name() {
        return "invalid-request";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(INVALID_REQUEST);
    }

    @Override
    public void run(ScenarioContext context) {
        AgentConnection connection = context.connection();
        context.client().initialize(AcpClient.noCapabilities());
        List<String> failures = new ArrayList<>();
        probe(connection, METHOD_NOT_A_STRING, List.of("5", "null"), failures);
        probe(connection, EMPTY_ARRAY, List.of("null"), failures);
        context.judge(INVALID_REQUEST, failures.isEmpty() ? null : String.join("; ", failures),
                METHOD_NOT_A_STRING + " and " + EMPTY_ARRAY + " both answered -32600");
    }

    private static void probe(AgentConnection connection, String line, List<String> allowedIds,
            List<String> failures) {
        long mark = connection.mark();
        connection.sendRaw(line);
        Inbound answer = connection.awaitInbound(Inbound::isResponse, mark, connection.responseTimeoutMillis())
                .orElse(null);
        if (answer == null) {
            failures.add(connection.noAnswer(line, connection.responseTimeoutMillis()));
            return;
        }
        String failure = ErrorChecks.expectCode(answer.json(), -32600);
        if (failure != null) {
            failures.add(line + ": " + failure);
        } else if (!allowedIds.contains(Json.write(answer.id()))) {
            failures.add(line + ": answered with id " + Json.brief(answer.id()) + ", expected one of " + allowedIds);
        }
    }
}
