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
 * @param authSecret            what the scripted browser enters on the sign-in page of an agent-type
 *                              {@code authMethod}, or null to decline its URL elicitation
 * @param authMethodType        the advertised type of {@code authMethod} ({@code agent} when it has
 *                              none), learned by {@link AuthMethodProbe}; null when unknown
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
        Path transcriptsDir,
        String authSecret,
        String authMethodType) {

    public HarnessSettings {
        selected = List.copyOf(selected);
    }

    public HarnessSettings withAuthMethodType(String type) {
        return new HarnessSettings(launch, responseTimeoutMillis, turnTimeoutMillis, scenarioTimeoutMillis, authMethod,
                prompt, longPrompt, schema, selected, stderrBudgetBytes, strictExtensions, jobs, transcriptsDir,
                authSecret, type);
    }

    /** True when {@code --auth-method} names an agent-type method: it signs in through a URL elicitation. */
    public boolean authSignsInThroughUrl() {
        return authMethod != null && "agent".equals(authMethodType);
    }

    @Override
    public String toString() {
        return "HarnessSettings[" + launch.command() + ", authMethod=" + authMethod
                + (authSecret == null ? "" : ", authSecret=(given)") + "]";
    }

    public boolean selects(Requirement requirement) {
        return selected.contains(requirement);
    }
}
