package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.fake.FakeAgentCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hung agent never hangs the harness: timeouts fail the requirement and the process tree is killed. */
class TimeoutTest {

    @TempDir
    Path tmp;

    @AfterEach
    void noAgentProcessSurvives() {
        // the harness runs in-process here, so every agent it started is a descendant of this JVM
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void silentAgentFailsOnTheResponseTimeout() throws Exception {
        long start = System.nanoTime();
        HarnessRun run = HarnessRun.run(tmp.resolve("r.json"),
                List.of("--only", "init.initialize", "--response-timeout", "700", "--env", "FAKE_AGENT_MUTANT=silent"),
                FakeAgentCommand.command());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.report().path("results").get(0).path("reason").asText())
                .contains("no response to initialize").contains("700 ms");
    }

    @Test
    void scenarioTimeoutKillsAnAgentThatIgnoresEof() throws Exception {
        long start = System.nanoTime();
        HarnessRun run = HarnessRun.run(tmp.resolve("r.json"),
                List.of("--only", "init.initialize", "--response-timeout", "60000", "--scenario-timeout", "1500",
                        "--env", "FAKE_AGENT_MUTANT=silent"),
                List.of("sh", "-c", "trap '' TERM; sleep 600 & sleep 600"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.report().path("results").get(0).path("reason").asText()).contains("scenario timed out");
        assertThat(run.report().path("scenarios").get(0).path("timedOut").asBoolean()).isTrue();
    }

    @Test
    void descendantsLeftBehindByAnExitingAgentAreKilled() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        HarnessRun run = HarnessRun.run(tmp.resolve("r.json"),
                List.of("--only", "init.initialize", "--response-timeout", "500"),
                List.of("sh", "-c", "sleep 600 & echo $! > '" + pidFile + "'; cat > /dev/null"));

        assertThat(run.exitCode()).isEqualTo(1);
        long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresent(child -> {
            try {
                child.onExit().get(3, java.util.concurrent.TimeUnit.SECONDS); // SIGKILL is asynchronous
            } catch (Exception e) {
                throw new AssertionError("the agent's background child " + pid + " survived the harness", e);
            }
        });
    }
}
