package dev.acp4j.conformance.run;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.LaunchSpec;
import dev.acp4j.conformance.schema.OfficialSchema;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a run needs, decided once by the CLI.
 *
 * @param launch                how to start the agent (a fresh process per scenario)
 * @param responseTimeoutMillis the longest wait for any one response
 * @param turnTimeoutMillis     the longest wait for a prompt turn to end
 * @param scenarioTimeoutMillis the longest a scenario may take before its process tree is killed
 * @param authMethod            the method id to authenticate with before session scenarios, or null
 * @param prompt                the prompt text for the ordinary prompt turn
 * @param longPrompt            the prompt text that makes a long turn, for the cancellation scenario
 * @param schema                the official schema, or null to skip schema checks
 * @param selected              the requirements to report (all by default)
 * @param stderrBudgetBytes     the advisory limit on the agent's stderr volume over the run
 * @param strictExtensions      EXTENSION failures fail the run too
 * @param jobs                  scenarios run at once
 * @param transcriptsDir        where to write one transcript per scenario, or null
 */
public record HarnessSettings(
        LaunchSpec launch,
        long responseTimeoutMillis,
        long turnTimeoutMillis,
        long scenarioTimeoutMillis,
        String authMethod,
        String prompt,
        String longPrompt,
        OfficialSchema schema,
        List<Requirement> selected,
        long stderrBudgetBytes,
        boolean strictExtensions,
        int jobs,
        Path transcriptsDir) {

    public HarnessSettings {
        selected = List.copyOf(selected);
    }

    public boolean selects(Requirement requirement) {
        return selected.contains(requirement);
    }
}
