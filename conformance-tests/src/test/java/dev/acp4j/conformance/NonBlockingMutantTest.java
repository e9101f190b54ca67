package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.fake.FakeAgentCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mutants that break an ADVISORY or EXTENSION rule: reported as FAIL, but the run passes,
 * except that EXTENSION failures fail it under --strict-extensions.
 */
class NonBlockingMutantTest {

    @TempDir
    Path tmp;

    private HarnessRun run(String mutant, String requirement, String... extra) throws Exception {
        List<String> options = new ArrayList<>(FakeAgentConformanceTest.AUTH);
        options.addAll(List.of("--env", "FAKE_AGENT_MUTANT=" + mutant, "--only", requirement,
                "--only", "init.initialize"));
        options.addAll(List.of(extra));
        return HarnessRun.run(tmp.resolve("report.json"), options, FakeAgentCommand.command());
    }

    @ParameterizedTest(name = "{0} fails {1} without failing the run")
    @CsvSource({
        "no-agent-info,   advisory.agent-info",
        "multiline-error, advisory.error-message-single-line",
        "noisy-stderr,    advisory.stderr-volume",
        "bad-session-update, advisory.messages-schema-valid",
        "no-requires-restart,     ext.requires-restart",
        "no-available-method-ids, ext.auth-required-method-ids",
        "reused-elicitation-id,   ext.url-elicitation-request-scoped",
        "lenient-authenticate,    ext.authenticate-invalid-method",
    })
    void reportedButNotBlocking(String mutant, String requirement) throws Exception {
        if (mutant.equals("bad-session-update")) {
            SharedSchema.assumePresent();
        }
        HarnessRun run = run(mutant, requirement);

        assertThat(run.statuses()).as(run.toString())
                .containsEntry(requirement, "FAIL").containsEntry("init.initialize", "PASS");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @ParameterizedTest(name = "{0} fails the run under --strict-extensions")
    @CsvSource({
        "no-requires-restart,     ext.requires-restart",
        "no-available-method-ids, ext.auth-required-method-ids",
        "reused-elicitation-id,   ext.url-elicitation-request-scoped",
        "lenient-authenticate,    ext.authenticate-invalid-method",
    })
    void extensionFailuresBlockWhenStrict(String mutant, String requirement) throws Exception {
        HarnessRun run = run(mutant, requirement, "--strict-extensions");

        assertThat(run.statuses()).as(run.toString()).containsEntry(requirement, "FAIL");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    }

    @Test
    void advisoryFailuresNeverBlockEvenWhenStrict() throws Exception {
        HarnessRun run = run("no-agent-info", "advisory.agent-info", "--strict-extensions");

        assertThat(run.statuses()).containsEntry("advisory.agent-info", "FAIL");
        assertThat(run.exitCode()).isZero();
    }
}
