package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.AUTHENTICATE_INVALID_METHOD;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * authenticate with method ids the agent cannot accept: one it never advertised, and a terminal
 * method (which clients run themselves and must not pass to authenticate). Both are -32602.
 */
public final class AuthenticateInvalidMethodScenario implements Scenario {

    static final String UNKNOWN_METHOD = "conformance-no-such-method";

    @Override
    public String name() {
        return "authenticate-invalid-method";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(AUTHENTICATE_INVALID_METHOD);
    }

    @Override
    public void run(ScenarioContext context) {
        ObjectNode capabilities = Json.object();
        capabilities.putObject("auth").put("terminal", true);
        Initialized initialized = context.client().initialize(capabilities);
        if (initialized.authMethods().isEmpty()) {
            context.skip(AUTHENTICATE_INVALID_METHOD, "no auth methods advertised");
            return;
        }
        List<String> probes = new ArrayList<>(List.of(UNKNOWN_METHOD));
        initialized.authMethods().stream().filter(m -> "terminal".equals(Initialized.typeOf(m)))
                .map(m -> m.path("id").asText()).findFirst().ifPresent(probes::add);
        List<String> problems = new ArrayList<>();
        for (String method : probes) {
            Response response = context.client().authenticate(method);
            String failure = ErrorChecks.expectCode(response.message(), -32602);
            if (failure != null) {
                problems.add("authenticate " + method + ": " + failure);
            }
        }
        context.judge(AUTHENTICATE_INVALID_METHOD, problems.isEmpty() ? null : String.join("; ", problems),
                "authenticate " + probes + " each failed with -32602");
    }
}
