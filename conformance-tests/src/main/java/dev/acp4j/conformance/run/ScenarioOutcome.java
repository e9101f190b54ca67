package dev.acp4j.conformance.run;

import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.report.Verdicts;
import java.util.List;
import java.util.Map;

/**
 * What one scenario left behind.
 *
 * @param name        the scenario
 * @param verdicts    its judgements
 * @param stdout      every stdout line of its agent process, classified
 * @param requestMethods the method of each request the harness sent, by the id's JSON text
 * @param stderrBytes bytes its agent process wrote to stderr
 * @param millis      how long it took
 * @param timedOut    whether the scenario timeout killed it
 * @param transcript  both directions of the conversation, timestamped
 */
public record ScenarioOutcome(String name, Verdicts verdicts, List<Inbound> stdout,
        Map<String, String> requestMethods, long stderrBytes,
        long millis, boolean timedOut, List<String> transcript) {

    /** The reason given for a requirement that could not be exercised because the agent never answered. */
    public static final String NEVER_ANSWERED = "the agent never answered";

    /** True when the agent answered at least one request of this scenario (a result or an error). */
    public boolean answered() {
        return stdout.stream().anyMatch(Inbound::isResponse);
    }

    /** True when the agent answered in none of {@code outcomes} (or none ran). */
    public static boolean noneAnswered(List<ScenarioOutcome> outcomes) {
        return outcomes.stream().noneMatch(ScenarioOutcome::answered);
    }
}
