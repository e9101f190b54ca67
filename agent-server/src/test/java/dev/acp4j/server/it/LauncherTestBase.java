package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts launcher processes with a fresh HOME per test and, after each test, checks that
 * every line each process wrote to stdout was JSON.
 */
abstract class LauncherTestBase {

    @TempDir
    Path home;

    private final List<AgentProcess> processes = new ArrayList<>();
    private final Set<AgentProcess> unchecked = new HashSet<>();

    AgentProcess start(Map<String, String> env, String... args) throws IOException {
        return start(AgentProcess.launcher(), env, args);
    }

    AgentProcess start(Path launcher, Map<String, String> env, String... args) throws IOException {
        AgentProcess process = AgentProcess.start(launcher, home, env, args);
        processes.add(process);
        return process;
    }

    /**
     * Launches with an empty configuration, checks that {@code initialize} is answered, the only line
     * on stdout, and that stdin EOF exits 0.
     */
    AgentProcess launchAnsweringInitialize(Path launcher, Map<String, String> env) throws Exception {
        AgentProcess agent = start(launcher, env, "--config", emptyConfig().toString());
        JsonNode answer = agent.initialize(Map.of());
        assertThat(answer.at("/result/protocolVersion").asInt()).isEqualTo(1);
        agent.closeStdin();
        assertThat(agent.waitFor(60_000)).isTrue();
        assertThat(agent.exitCode()).as("exit status; stderr:%n%s", agent.stderr()).isZero();
        assertThat(agent.stdoutLines()).hasSize(1);
        return agent;
    }

    /** For processes whose stdout is deliberately not JSON-RPC (--help, --version). */
    void skipTranscriptCheck(AgentProcess process) {
        unchecked.add(process);
    }

    Path emptyConfig() throws IOException {
        Path config = home.resolve("empty.json");
        if (!Files.exists(config)) {
            Files.writeString(config, "{}");
        }
        return config;
    }

    @AfterEach
    void stopAndCheckStdout() throws Exception {
        for (AgentProcess process : processes) {
            process.close();
            if (!unchecked.contains(process)) {
                assertThat(process.nonJsonStdout()).as("stdout lines that are not JSON").isEmpty();
                WireCheck.assertValid(process);
            }
        }
    }
}
