package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line behaviour that needs no agent: help, catalog listing, usage errors. */
class CliTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpShowsTheSynopsisAndEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("-- AGENT_CMD [ARGS...]", "--response-timeout", "--scenario-timeout",
                "--auth-method", "--env", "--report-json", "--official-schema", "--only", "--long-prompt",
                "--strict-extensions", "--inherit-home");
    }

    @Test
    void listPrintsTheWholeCatalog() {
        assertThat(run("--list")).isZero();
        for (Requirement requirement : Catalog.all()) {
            assertThat(out.toString()).contains(requirement.id());
        }
    }

    @Test
    void missingAgentCommandIsAUsageError() {
        assertThat(run("--only", "init.initialize")).isEqualTo(2);
        assertThat(err.toString()).contains("AGENT_CMD");
    }

    @Test
    void unknownRequirementIdIsAUsageError() {
        assertThat(run("--only", "no.such.requirement", "--", "true")).isEqualTo(2);
        assertThat(err.toString()).contains("no.such.requirement");
    }

    @Test
    void missingSchemaFileIsAUsageError() {
        assertThat(run("--official-schema", tmp.resolve("absent.json").toString(), "--", "true")).isEqualTo(2);
        assertThat(err.toString()).contains("absent.json");
    }

    @Test
    void anAgentThatCannotStartFailsItsRequirements() throws Exception {
        HarnessRun result = HarnessRun.run(tmp.resolve("r.json"), List.of("--only", "init.initialize"),
                List.of(tmp.resolve("no-such-agent").toString()));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.report().path("results").get(0).path("reason").asText()).contains("cannot start agent");
    }

    @Test
    void agentArgumentsThatLookLikeOptionsReachTheAgent() throws Exception {
        // "--config" after the agent command belongs to the agent, even without "--"
        StringWriter sink = new StringWriter();
        int code = Main.run(new PrintWriter(sink), new PrintWriter(sink), "--only", "init.initialize",
                "--response-timeout", "2000", "--report-json", tmp.resolve("r.json").toString(),
                "sh", "-c", "cat >/dev/null", "--config", "x.json");
        assertThat(code).isEqualTo(1);
        assertThat(sink.toString()).contains("no response to initialize");
    }
}
