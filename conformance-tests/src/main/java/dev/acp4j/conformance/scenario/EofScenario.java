package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.EXIT_ON_EOF;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.AgentFailure;
import java.util.List;

/** After a normal start (initialize, session/new), closing stdin must end the agent within 2 s. */
public final class EofScenario implements Scenario {

    static final long EXIT_WITHIN_MILLIS = 2000;

    @Override
    public String name() {
        return "exit-on-eof";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(EXIT_ON_EOF);
    }

    @Override
    public void run(ScenarioContext context) {
        AgentConnection connection = context.connection();
        context.client().initialize(context.client().sessionCapabilities());
        try {
            context.client().authenticateIfConfigured();
            context.client().sessionNew();
        } catch (AgentFailure | NotApplicable e) {
            // a session makes the check more realistic, but exiting on EOF does not depend on it
        }
        long start = System.nanoTime();
        connection.closeStdin();
        boolean exited = connection.waitForExit(EXIT_WITHIN_MILLIS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        context.judge(EXIT_ON_EOF, exited ? null : "still running " + EXIT_WITHIN_MILLIS + " ms after stdin EOF",
                "exited " + millis + " ms after stdin EOF");
    }
}
