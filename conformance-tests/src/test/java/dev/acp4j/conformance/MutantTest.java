package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.fake.FakeAgentCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each mutant of the fake agent breaks exactly one REQUIRED rule; the harness must fail that
 * requirement, no other REQUIRED one, and exit non-zero. The first seven are the list.
 */
class MutantTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} fails {1}")
    @CsvSource({
        "answer-notification,         jsonrpc.notifications-not-answered",
        "auth-required-32004,         auth.session-new-unauthenticated",
        "echo-protocol-version,       init.version-negotiation",
        "terminal-without-capability, auth.terminal-requires-capability",
        "stdout-log,                  jsonrpc.stdout-only-json",
        "exit-on-malformed,           jsonrpc.parse-error",
        "ignore-eof,                  transport.exit-on-eof",
        "lossy-ids,                   jsonrpc.id-echoed",
        "result-and-error,            jsonrpc.result-xor-error",
        "invalid-request-as-not-found, jsonrpc.invalid-request",
        "wrong-not-found-code,        jsonrpc.method-not-found",
        "silent-underscore,           jsonrpc.underscore-method-answered",
        "duplicate-auth-ids,          auth.method-ids-unique",
        "bad-initialize-schema,       init.initialize",
        "no-cancel,                   prompt.cancel",
        "fs-request,                  client.capabilities-respected",
        "logout-broken,               auth.logout",
    })
    void mutantFailsExactlyItsRequirement(String mutant, String requirement) throws Exception {
        if (mutant.equals("bad-initialize-schema")) {
            SharedSchema.assumePresent();
        }
        List<String> options = new ArrayList<>(FakeAgentConformanceTest.AUTH);
        options.addAll(List.of("--env", "FAKE_AGENT_MUTANT=" + mutant, "--jobs", "2"));
        HarnessRun run = HarnessRun.run(tmp.resolve("report.json"), options, FakeAgentCommand.command());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.statuses()).as(run.toString()).containsEntry(requirement, "FAIL");
        assertThat(run.ids("FAIL", "REQUIRED")).as(run.toString()).containsExactly(requirement);
        assertThat(run.out()).contains("NOT CONFORMANT (exit 1)");
    }
}
