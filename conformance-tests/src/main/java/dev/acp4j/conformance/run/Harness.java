package dev.acp4j.conformance.run;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.report.RunReport;
import dev.acp4j.conformance.report.Status;
import dev.acp4j.conformance.report.Verdict;
import dev.acp4j.conformance.report.Verdicts;
import dev.acp4j.conformance.scenario.Scenario;
import dev.acp4j.conformance.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the needed scenarios (each against a fresh agent), then judges the transcripts; builds the report. */
public final class Harness {

    private final HarnessSettings settings;

    public Harness(HarnessSettings settings) {
        this.settings = settings;
    }

    public RunReport run() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        HarnessSettings effective = settings.authMethod() == null ? settings
                : settings.withAuthMethodType(AuthMethodProbe.typeOf(settings));
        List<ScenarioOutcome> outcomes = runScenarios(effective, Scenarios.needed(settings.selected()));
        Verdicts verdicts = new Verdicts();
        outcomes.forEach(outcome -> verdicts.addAll(outcome.verdicts()));
        verdicts.addAll(TranscriptChecks.judge(outcomes, settings.stderrBudgetBytes()));
        verdicts.addAll(SchemaChecks.judge(outcomes, settings.schema()));
        writeTranscripts(outcomes);
        List<Verdict> selected = new ArrayList<>();
        for (Requirement requirement : Catalog.all()) {
            if (settings.selects(requirement)) {
                selected.add(verdicts.get(requirement).orElse(new Verdict(requirement,
                        Status.SKIP, "not judged by any scenario that ran")));
            }
        }
        List<RunReport.ScenarioSummary> summaries = outcomes.stream().map(o -> new RunReport.ScenarioSummary(
                o.name(), o.millis(), o.timedOut(), o.stdout().size(), o.stderrBytes(), o.answered())).toList();
        return new RunReport(settings.launch().command(), startedAt, (System.nanoTime() - start) / 1_000_000,
                settings.schema() == null ? null : settings.schema().path().toString(), settings.strictExtensions(),
                selected, summaries);
    }

    private List<ScenarioOutcome> runScenarios(HarnessSettings effective, List<Scenario> scenarios) {
        ScenarioRunner runner = new ScenarioRunner(effective);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.jobs()), r -> {
            Thread thread = new Thread(r, "harness-scenarios");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ScenarioOutcome>> futures = scenarios.stream()
                    .map(s -> pool.submit(() -> runner.run(s))).toList();
            List<ScenarioOutcome> outcomes = new ArrayList<>();
            for (Future<ScenarioOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running scenarios", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scenario runner failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeTranscripts(List<ScenarioOutcome> outcomes) {
        Path dir = settings.transcriptsDir();
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            for (ScenarioOutcome outcome : outcomes) {
                Files.write(dir.resolve(outcome.name() + ".log"), outcome.transcript());
            }
        } catch (IOException e) {
            System.err.println("acp4j-conformance: cannot write transcripts to " + dir + ": " + e.getMessage());
        }
    }
}
