package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.TERMINAL_REQUIRES_CAPABILITY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.Json;
import java.util.List;

/** initialize from a client that can run terminal auth: terminal methods are then allowed, not required. */
public final class TerminalCapableInitializeScenario implements Scenario {

    @Override
    public String name() {
        return "initialize-terminal-capable";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(TERMINAL_REQUIRES_CAPABILITY);
    }

    @Override
    public void run(ScenarioContext context) {
        ObjectNode capabilities = Json.object();
        capabilities.putObject("auth").put("terminal", true);
        Initialized initialized = context.client().initialize(capabilities);
        long terminal = initialized.authMethods().stream()
                .filter(m -> "terminal".equals(Initialized.typeOf(m))).count();
        context.pass(TERMINAL_REQUIRES_CAPABILITY,
                "with clientCapabilities.auth.terminal=true initialize succeeds (" + terminal + " terminal method(s))");
    }
}
