package dev.acp4j.conformance.run;

import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.AgentConnection;
import dev.acp4j.conformance.driver.AgentFailure;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.report.Verdicts;
import dev.acp4j.conformance.scenario.NotApplicable;
import dev.acp4j.conformance.scenario.Scenario;
import dev.acp4j.conformance.scenario.ScenarioContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one scenario against a fresh agent process under the scenario timeout. Whatever the
 * scenario did not judge (because it stopped early or timed out) fails with the reason, which
 * starts with "the agent never answered" when it answered no request at all; a scenario that
 * found itself not applicable ({@link NotApplicable}) skips what it did not judge.
 */
public final class ScenarioRunner {

    private final HarnessSettings settings;

    public ScenarioRunner(HarnessSettings settings) {
        this.settings = settings;
    }

    public ScenarioOutcome run(Scenario scenario) {
        long start = System.nanoTime();
        Verdicts verdicts = new Verdicts();
        AgentConnection connection;
        try {
            connection = AgentConnection.open(settings.launch(), settings.responseTimeoutMillis());
        } catch (AgentFailure e) {
            failUnjudged(scenario, verdicts, ScenarioOutcome.NEVER_ANSWERED + ": " + e.getMessage());
            return new ScenarioOutcome(scenario.name(), verdicts, List.of(), Map.of(), 0, elapsed(start),
                    false, List.of());
        }
        boolean timedOut = false;
        try {
            AtomicReference<String> stopped = new AtomicReference<>();
            AtomicReference<String> skipped = new AtomicReference<>();
            Thread worker = new Thread(() -> runBody(scenario, connection, verdicts, stopped, skipped),
                    "scenario-" + scenario.name());
            worker.setDaemon(true);
            worker.start();
            join(worker, settings.scenarioTimeoutMillis());
            if (worker.isAlive()) {
                timedOut = true;
                stopped.compareAndSet(null, "scenario timed out after " + settings.scenarioTimeoutMillis()
                        + " ms; the agent's process tree was killed");
                connection.killTree();
                worker.interrupt();
                join(worker, 5000);
            }
            if (skipped.get() != null) {
                skipUnjudged(scenario, verdicts, skipped.get());
            }
            if (stopped.get() != null) {
                boolean answered = connection.inbound().stream().anyMatch(Inbound::isResponse);
                failUnjudged(scenario, verdicts, answered ? stopped.get()
                        : ScenarioOutcome.NEVER_ANSWERED + ": " + stopped.get());
            }
        } finally {
            connection.close();
        }
        List<String> transcript = new ArrayList<>(connection.transcript());
        transcript.add("-- agent stderr: " + connection.stderrBytes() + " bytes; the last ones follow");
        transcript.addAll(connection.stderrTail().lines().toList());
        return new ScenarioOutcome(scenario.name(), verdicts, connection.inbound(), connection.requestMethods(),
                connection.stderrBytes(),
                elapsed(start), timedOut, transcript);
    }

    private void runBody(Scenario scenario, AgentConnection connection, Verdicts verdicts,
            AtomicReference<String> stopped, AtomicReference<String> skipped) {
        try {
            scenario.run(new ScenarioContext(connection, settings, verdicts));
        } catch (NotApplicable e) {
            skipped.compareAndSet(null, e.getMessage());
        } catch (AgentFailure e) {
            stopped.compareAndSet(null, e.getMessage());
        } catch (RuntimeException e) {
            stopped.compareAndSet(null, "harness error in scenario " + scenario.name() + ": " + e);
        }
    }

    private static void failUnjudged(Scenario scenario, Verdicts verdicts, String reason) {
        for (Requirement requirement : scenario.covers()) {
            if (!verdicts.has(requirement)) {
                verdicts.fail(requirement, reason);
            }
        }
    }

    private static void skipUnjudged(Scenario scenario, Verdicts verdicts, String reason) {
        for (Requirement requirement : scenario.covers()) {
            if (!verdicts.has(requirement)) {
                verdicts.skip(requirement, reason);
            }
        }
    }

    private static void join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
