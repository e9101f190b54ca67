package dev.acp4j.conformance.report;

import dev.acp4j.conformance.catalog.Level;
import java.time.Instant;
import java.util.List;

/**
 * The result of one harness run.
 *
 * @param agentCommand     the agent command that was tested
 * @param startedAt        when the run began
 * @param millis           how long it took
 * @param schemaPath       the official schema used, or null when schema checks were skipped
 * @param strictExtensions whether EXTENSION failures fail the run
 * @param verdicts         one per selected requirement, in catalog order
 * @param scenarios        what each scenario did
 */
public record RunReport(List<String> agentCommand, Instant startedAt, long millis, String schemaPath,
        boolean strictExtensions, List<Verdict> verdicts, List<ScenarioSummary> scenarios) {

    /**
     * One scenario, as reported.
     *
     * @param name        scenario name
     * @param millis      duration
     * @param timedOut    whether the scenario timeout killed it
     * @param stdoutLines lines the agent wrote to stdout
     * @param stderrBytes bytes the agent wrote to stderr
     * @param answered    whether the agent answered at least one request (a result or an error)
     */
    public record ScenarioSummary(String name, long millis, boolean timedOut, int stdoutLines, long stderrBytes,
            boolean answered) {
    }

    /** Scenarios in which the agent answered no request at all. */
    public long unansweredScenarios() {
        return scenarios.stream().filter(s -> !s.answered()).count();
    }

    public long count(Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }

    /** The failures that fail the run: REQUIRED ones, and EXTENSION ones when strict. */
    public List<Verdict> blockingFailures() {
        return verdicts.stream().filter(v -> v.status() == Status.FAIL)
                .filter(v -> v.requirement().level() == Level.REQUIRED
                        || strictExtensions && v.requirement().level() == Level.EXTENSION)
                .toList();
    }

    /** 0 iff nothing blocking failed, else 1. */
    public int exitCode() {
        return blockingFailures().isEmpty() ? 0 : 1;
    }

    public long stderrBytes() {
        return scenarios.stream().mapToLong(ScenarioSummary::stderrBytes).sum();
    }
}
