package dev.acp4j.conformance.scenario;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.report.Verdicts;
import dev.acp4j.conformance.run.HarnessSettings;

/** What a running scenario works with: its agent connection, the run's settings, its verdicts. */
public final class ScenarioContext {

    private final AgentConnection connection;
    private final HarnessSettings settings;
    private final Verdicts verdicts;
    private final AcpClient client;

    public ScenarioContext(AgentConnection connection, HarnessSettings settings, Verdicts verdicts) {
        this.connection = connection;
        this.settings = settings;
        this.verdicts = verdicts;
        this.client = new AcpClient(connection, settings);
    }

    public AgentConnection connection() {
        return connection;
    }

    public AcpClient client() {
        return client;
    }

    public HarnessSettings settings() {
        return settings;
    }

    public void pass(Requirement requirement, String reason) {
        verdicts.pass(requirement, reason);
    }

    public void fail(Requirement requirement, String reason) {
        verdicts.fail(requirement, reason);
    }

    public void skip(Requirement requirement, String reason) {
        verdicts.skip(requirement, reason);
    }

    /** PASS with {@code passReason} when {@code failure} is null, else FAIL with it. */
    public void judge(Requirement requirement, String failure, String passReason) {
        if (failure == null) {
            pass(requirement, passReason);
        } else {
            fail(requirement, failure);
        }
    }
}
