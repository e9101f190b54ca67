package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.fake.FakeAgentCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness against a conforming agent: every requirement passes and the exit status is 0. */
class FakeAgentConformanceTest {

    /**
     * Authenticates with the fake agent's key. The generous response timeout keeps a loaded
     * 2-core CI machine from turning a slow answer into a spurious FAIL; a conforming agent
     * answers in milliseconds, so it costs nothing when all is well.
     */
    static final List<String> AUTH = List.of("--auth-method", "fake-key", "--env", "FAKE_AGENT_KEY=fake-secret",
            "--response-timeout", "15000");

    @TempDir
    Path tmp;

    @Test
    void conformingAgentPassesEveryRequirement() throws Exception {
        List<String> options = new java.util.ArrayList<>(AUTH);
        options.addAll(List.of("--strict-extensions", "--jobs", "2"));
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"), options, FakeAgentCommand.command());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.statuses()).as(run.toString())
                .containsOnlyKeys(Catalog.all().stream().map(Requirement::id).toArray(String[]::new))
                .allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo(
                        id.equals(Catalog.MESSAGES_SCHEMA_VALID.id()) ? SharedSchema.statusOfSchemaCheck() : "PASS"));
        assertThat(run.out()).contains("SUMMARY:").contains("CONFORMANT (exit 0)");
    }

    @Test
    void withoutAuthMethodTheSessionChecksSkipButTheRunStillPasses() throws Exception {
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"),
                List.of("--jobs", "2", "--only", "auth.authenticated-session-new", "--only", "prompt.cancel",
                        "--only", "auth.session-new-unauthenticated"),
                FakeAgentCommand.command());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.statuses()).containsEntry("auth.authenticated-session-new", "SKIP")
                .containsEntry("prompt.cancel", "SKIP")
                .containsEntry("auth.session-new-unauthenticated", "PASS")
                .hasSize(3);
    }
}
