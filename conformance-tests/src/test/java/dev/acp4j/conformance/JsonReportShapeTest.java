package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.fake.FakeAgentCommand;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --report-json file: its fields, their types, and agreement with the table and the exit code. */
class JsonReportShapeTest {

    @TempDir
    Path tmp;

    @Test
    void reportHasTheDocumentedShape() throws Exception {
        List<String> command = FakeAgentCommand.command();
        HarnessRun run = HarnessRun.run(tmp.resolve("out/report.json"),
                List.of("--only", "init.initialize", "--only", "auth.logout", "--only", "advisory.agent-info",
                        "--only", "ext.requires-restart"),
                command);
        JsonNode report = run.report();

        assertThat(report.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(report.path("harness").path("name").asText()).isEqualTo("acp4j-conformance");
        assertThat(report.path("agentCommand")).hasSize(command.size());
        assertThat(report.path("agentCommand").get(0).asText()).isEqualTo(command.get(0));
        assertThat(Instant.parse(report.path("startedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(report.path("durationMs").canConvertToLong()).isTrue();
        assertThat(report.path("officialSchema").isTextual() || report.path("officialSchema").isNull()).isTrue();
        assertThat(report.path("strictExtensions").isBoolean()).isTrue();

        JsonNode results = report.path("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("id").asText()).as("catalog order").isEqualTo("init.initialize");
        for (JsonNode result : results) {
            assertThat(Catalog.byId(result.path("id").asText())).isPresent();
            assertThat(result.path("level").asText()).isIn("REQUIRED", "ADVISORY", "EXTENSION");
            assertThat(result.path("status").asText()).isIn("PASS", "FAIL", "SKIP");
            assertThat(result.path("source").asText()).isNotBlank();
            assertThat(result.path("checks").asText()).isNotBlank();
            assertThat(result.path("reason").asText()).isNotBlank().doesNotContain("\n");
            assertThat(run.out()).contains(result.path("id").asText());
        }
        assertThat(run.statuses()).containsEntry("ext.requires-restart", "PASS").containsEntry("auth.logout", "PASS");

        JsonNode scenarios = report.path("scenarios");
        assertThat(scenarios.size()).as("initialize and authenticate-and-logout").isEqualTo(2);
        for (JsonNode scenario : scenarios) {
            assertThat(scenario.path("name").asText()).isNotBlank();
            assertThat(scenario.path("durationMs").canConvertToLong()).isTrue();
            assertThat(scenario.path("timedOut").asBoolean(true)).isFalse();
            assertThat(scenario.path("stdoutLines").asInt()).isPositive();
            assertThat(scenario.path("stderrBytes").canConvertToLong()).isTrue();
        }

        JsonNode summary = report.path("summary");
        assertThat(summary.path("pass").asInt() + summary.path("fail").asInt() + summary.path("skip").asInt())
                .isEqualTo(results.size());
        assertThat(summary.path("exitCode").asInt()).isEqualTo(run.exitCode()).isZero();
        assertThat(summary.path("blockingFailures").asInt()).isZero();
        assertThat(summary.path("stderrBytes").asLong()).isPositive();
        assertThat(fieldNames(report)).containsExactlyInAnyOrder("formatVersion", "harness", "agentCommand",
                "startedAt", "durationMs", "officialSchema", "strictExtensions", "results", "scenarios", "summary");
    }

    @Test
    void aFailingRunReportsItsBlockingFailuresAndExitCode() throws Exception {
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"),
                List.of("--only", "init.version-negotiation", "--env", "FAKE_AGENT_MUTANT=echo-protocol-version"),
                FakeAgentCommand.command());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.report().path("summary").path("exitCode").asInt()).isEqualTo(1);
        assertThat(run.report().path("summary").path("blockingFailures").asInt()).isEqualTo(1);
        assertThat(run.report().path("results").get(0).path("reason").asText()).contains("65535");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
