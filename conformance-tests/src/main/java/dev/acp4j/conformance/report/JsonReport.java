package dev.acp4j.conformance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.conformance.driver.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine-readable report written by {@code --report-json}. */
public final class JsonReport {

    /** Bumped when the shape changes incompatibly. */
    public static final int FORMAT_VERSION = 1;

    private JsonReport() {
    }

    public static ObjectNode toJson(RunReport report) {
        ObjectNode root = Json.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.putObject("harness").put("name", "acp4j-conformance").put("version", "0.1.0");
        ArrayNode command = root.putArray("agentCommand");
        report.agentCommand().forEach(command::add);
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMs", report.millis());
        if (report.schemaPath() == null) {
            root.putNull("officialSchema");
        } else {
            root.put("officialSchema", report.schemaPath());
        }
        root.put("strictExtensions", report.strictExtensions());
        ArrayNode results = root.putArray("results");
        for (Verdict verdict : report.verdicts()) {
            results.addObject()
                    .put("id", verdict.requirement().id())
                    .put("level", verdict.requirement().level().name())
                    .put("source", verdict.requirement().source())
                    .put("checks", verdict.requirement().checks())
                    .put("status", verdict.status().name())
                    .put("reason", verdict.reason());
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (RunReport.ScenarioSummary scenario : report.scenarios()) {
            scenarios.addObject()
                    .put("name", scenario.name())
                    .put("durationMs", scenario.millis())
                    .put("timedOut", scenario.timedOut())
                    .put("stdoutLines", scenario.stdoutLines())
                    .put("stderrBytes", scenario.stderrBytes())
                    .put("answered", scenario.answered());
        }
        root.putObject("summary")
                .put("pass", report.count(Status.PASS))
                .put("fail", report.count(Status.FAIL))
                .put("skip", report.count(Status.SKIP))
                .put("blockingFailures", report.blockingFailures().size())
                .put("stderrBytes", report.stderrBytes())
                .put("unansweredScenarios", report.unansweredScenarios())
                .put("exitCode", report.exitCode());
        return root;
    }

    public static void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report))
                + System.lineSeparator());
    }
}
