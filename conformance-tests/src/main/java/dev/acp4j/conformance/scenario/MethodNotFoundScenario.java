package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.METHOD_NOT_FOUND;
import static dev.acp4j.conformance.catalog.Catalog.UNDERSCORE_METHOD_ANSWERED;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentFailure;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Response;
import java.util.List;

/** Requests for methods the agent does not have: -32601, and '_'-prefixed ones answered at all. */
public final class MethodNotFoundScenario implements Scenario {

    static final String UNKNOWN = "conformance/no_such_method";
    static final String UNKNOWN_EXTENSION = "_conformance/no_such_method";

    @Override
    public String name() {
        return "method-not-found";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(METHOD_NOT_FOUND, UNDERSCORE_METHOD_ANSWERED);
    }

    @Override
    public void run(ScenarioContext context) {
        context.client().initialize(AcpClient.noCapabilities());
        try {
            Response unknown = context.connection().call(UNKNOWN, Json.object());
            String failure = ErrorChecks.expectCode(unknown.message(), -32601);
            context.judge(METHOD_NOT_FOUND, failure == null ? null : UNKNOWN + ": " + failure,
                    UNKNOWN + " answered -32601");
        } catch (AgentFailure e) {
            context.fail(METHOD_NOT_FOUND, e.getMessage());
        }
        Response extension = context.connection().call(UNKNOWN_EXTENSION, Json.object());
        context.pass(UNDERSCORE_METHOD_ANSWERED, UNKNOWN_EXTENSION + " answered with " + extension.describe());
    }
}
