package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.fake.FakeAgent;
import dev.acp4j.conformance.fake.FakeAgentCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: an agent that never answers gets no vacuous PASS; an agent-type --auth-method is
 * signed in with the scripted browser and --auth-secret, or SKIPs without blaming the agent.
 */
class NeverAnsweredAndUrlSignInTest {

    private static final List<String> SESSION_CHECKS = List.of("auth.authenticated-session-new",
            "client.capabilities-respected", "prompt.cancel");

    @TempDir
    Path tmp;

    @Test
    void anAgentThatCannotStartFailsEveryRequirementBecauseItNeverAnswered() throws Exception {
        for (List<String> command : List.of(List.of(tmp.resolve("no-such-agent").toString()),
                List.of("sh", "-c", "echo 'cannot start: no model configured' >&2; exit 1"))) {
            HarnessRun run = HarnessRun.run(tmp.resolve("report.json"), List.of("--jobs", "2"), command);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.statuses()).as(run.toString()).hasSize(Catalog.all().size())
                    .allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo("FAIL"));
            run.report().path("results").forEach(result -> assertThat(result.path("reason").asText())
                    .as(result.path("id").asText()).startsWith("the agent never answered"));
            assertThat(run.out()).doesNotContain(" PASS ").contains("the agent never answered (in any of the 15 scenarios");
            assertThat(run.report().path("summary").path("unansweredScenarios").asInt()).isEqualTo(15);
        }
    }

    @Test
    void anAgentTypeMethodWithoutASecretSkipsTheSessionChecksInsteadOfFailingThem() throws Exception {
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"),
                List.of("--auth-method", "fake-oauth", "--strict-extensions", "--jobs", "2"), FakeAgentCommand.command());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.ids("FAIL", null)).as(run.toString()).isEmpty();
        assertThat(run.ids("SKIP", null)).containsAll(SESSION_CHECKS);
        run.report().path("results").forEach(result -> {
            if (SESSION_CHECKS.contains(result.path("id").asText())) {
                assertThat(result.path("reason").asText()).contains("--auth-secret").contains("declined");
            }
        });
        assertThat(run.out()).contains("CONFORMANT (exit 0)");
    }

    @Test
    void anAgentTypeMethodWithTheSecretSignsInThroughTheScriptedBrowser() throws Exception {
        List<String> options = new ArrayList<>(List.of("--auth-method", "fake-oauth", "--auth-secret",
                FakeAgent.PAGE_SECRET, "--strict-extensions", "--jobs", "2", "--transcripts", tmp.resolve("tr").toString()));
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"), options, FakeAgentCommand.command());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.statuses()).as(run.toString())
                .allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo(
                        id.equals(Catalog.MESSAGES_SCHEMA_VALID.id()) ? SharedSchema.statusOfSchemaCheck() : "PASS"));
        assertThat(run.out()).doesNotContain(FakeAgent.PAGE_SECRET);
        assertThat(java.nio.file.Files.readString(tmp.resolve("tr").resolve("authenticate-and-logout.log")))
                .contains("scripted browser: submitted the form").doesNotContain(FakeAgent.PAGE_SECRET);
    }

    @Test
    void aSecretThePageRefusesIsASkipThatSaysSoNotAFailOfTheAgent() throws Exception {
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"),
                List.of("--auth-method", "fake-oauth", "--auth-secret", "not-the-secret", "--only",
                        "auth.authenticated-session-new"), FakeAgentCommand.command());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.statuses()).containsEntry("auth.authenticated-session-new", "SKIP");
        assertThat(run.report().path("results").get(0).path("reason").asText())
                .contains("scripted browser").contains("did not accept --auth-secret").doesNotContain("not-the-secret");
    }

    @Test
    void authSecretWithoutAuthMethodIsAUsageError() throws Exception {
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"), List.of("--auth-secret", "x"),
                FakeAgentCommand.command());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--auth-secret needs --auth-method");
    }
}
