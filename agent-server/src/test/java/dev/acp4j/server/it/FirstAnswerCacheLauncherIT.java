package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The first-answer cache through {@code bin/acp4j}: a launch records its first {@code initialize}
 * answer; the next launch with the same inputs writes it before anything else, byte for byte
 * the server's own answer. A recorded answer is replaced here by a marked one (same length,
 * same digest), so that the test sees which launches were answered from the cache and which
 * computed their answer: any change of configuration, environment, arguments or request is a
 * miss, and a marked answer that is served is reported as out of date on stderr and dropped.
 */
class FirstAnswerCacheLauncherIT extends LauncherTestBase {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":%s,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":1,\"clientCapabilities\":{\"auth\":{\"terminal\":true}}}}";
    private static final String CONFIG = "{\"authMethods\":[{\"id\":\"key\",\"type\":\"api_key_page\","
            + "\"name\":\"Paste a key\",\"provider\":\"example\"}]}";
    /** Where the marker goes: the agent's name in agentInfo, {@code "acp4j"}, becomes {@code "ACP4J"}. */
    private static final byte[] NAME = "\"name\":\"acp4j\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MARKED = "\"name\":\"ACP4J\"".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSecondLaunchIsAnsweredFromTheCacheByteForByteAndKeepsServing() throws Exception {
        Path config = config(CONFIG);
        String first = firstLine(Map.of(), "0", "--config", config.toString());
        List<Path> entries = entries();
        assertThat(entries).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entries.get(0)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entries.get(0).getParent())))
                .isEqualTo("rwx------");
        // the same inputs, another id: the recorded answer is what is written (marked here), and the
        // server, which reads the line as answered, finds it out of date and goes on serving
        mark(entries.get(0));
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.sendRaw(String.format(INITIALIZE, "\"editor-7\""));
        agent.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"session/new\",\"params\":{\"cwd\":\"/\",\"mcpServers\":[]}}");
        // as without the cache: the configuration's method is required first
        assertThat(agent.awaitResponse(8).at("/error/data/availableMethodIds/0").asText()).isEqualTo("key");
        agent.closeStdin();
        assertThat(agent.waitFor(30_000)).isTrue();
        assertThat(agent.stdoutLines()).hasSize(2);
        assertThat(agent.stdoutLines().get(0)).isEqualTo(first.replace("\"id\":0,", "\"id\":\"editor-7\",")
                .replace("\"name\":\"acp4j\"", "\"name\":\"ACP4J\""));
        assertThat(agent.stderr()).contains("out-of-date launch cache entry");
        assertThat(entries()).isEmpty();
        // the next launch records it again; the one after is answered from it, unmarked, silently
        assertThat(firstLine(Map.of(), "0", "--config", config.toString())).isEqualTo(first);
        assertThat(firstLine(Map.of(), "41", "--config", config.toString())).isEqualTo(first.replace("\"id\":0,", "\"id\":41,"));
        assertThat(lastStderr).doesNotContain("out-of-date");
        mark(only());
        assertThat(firstLine(Map.of(), "42", "--config", config.toString())).contains("\"id\":42,").contains("ACP4J");
    }

    @Test
    void anyChangeOfTheLaunchsInputsIsAMiss() throws Exception {
        Path config = config(CONFIG);
        String first = firstLine(Map.of(), "0", "--config", config.toString());
        // another environment variable, another argument, another client request: each computes its answer
        markAll();
        assertThat(firstLine(Map.of("SOME_EDITOR_VARIABLE", "1"), "0", "--config", config.toString())).isEqualTo(first);
        markAll();
        assertThat(firstLine(Map.of(), "0", "--config", config.toString(), "--log-level", "warn")).isEqualTo(first);
        markAll();
        String otherRequest = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,"
                + "\"clientCapabilities\":{}}}";
        assertThat(firstLineOf(Map.of(), otherRequest, "--config", config.toString())).isEqualTo(first);
        // the configuration file edited in place: the answer says what it says now
        markAll();
        Files.writeString(config, CONFIG.replace("Paste a key", "Paste your key"));
        String edited = firstLine(Map.of(), "0", "--config", config.toString());
        assertThat(edited).contains("\"name\":\"Paste your key\"").contains("\"name\":\"acp4j\"");
        // switched off: nothing served, nothing recorded
        markAll();
        int recorded = entries().size();
        assertThat(firstLine(Map.of("ACP4J_FIRST_ANSWER", "off"), "0", "--config", config.toString())).isEqualTo(edited);
        assertThat(entries()).hasSize(recorded);
        assertThat(lastStderr).doesNotContain("out-of-date");
    }

    @Test
    void aTracedLaunchAndAnUnusualRequestAreNeverAnsweredFromTheCache() throws Exception {
        Path config = config(CONFIG);
        String first = firstLine(Map.of(), "0", "--config", config.toString());
        markAll();
        Path trace = home.resolve("trace.jsonl");
        assertThat(firstLine(Map.of(), "0", "--config", config.toString(), "--trace", trace.toString())).isEqualTo(first);
        assertThat(Files.readString(trace)).contains("\"name\":\"acp4j\"");
        // ids the cache does not rewrite (leading zeros are not JSON; an escaped string; a float) leave it alone
        for (String id : new String[] {"\"a\\u0062\"", "1.0", "-0"}) {
            String line = firstLineOf(Map.of(), String.format(INITIALIZE, id), "--config", config.toString());
            assertThat(line).as(id).doesNotContain("ACP4J");
        }
    }

    @Test
    void aDamagedEntryIsAMissAndIsReplaced() throws Exception {
        Path config = config(CONFIG);
        String first = firstLine(Map.of(), "0", "--config", config.toString());
        Path entry = only();
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(firstLine(Map.of(), "0", "--config", config.toString())).isEqualTo(first);
        assertThat(Files.readAllBytes(only())).isEqualTo(bytes);
        Files.write(entry, new byte[] {1, 2, 3});
        assertThat(firstLine(Map.of(), "5", "--config", config.toString())).isEqualTo(first.replace("\"id\":0,", "\"id\":5,"));
    }

    private String lastStderr = "";

    private Path config(String json) throws IOException {
        Path file = home.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    private String firstLine(Map<String, String> env, String id, String... args) throws Exception {
        return firstLineOf(env, String.format(INITIALIZE, id), args);
    }

    /** One launch: the request, stdin closed; returns the only stdout line. */
    private String firstLineOf(Map<String, String> env, String request, String... args) throws Exception {
        AgentProcess agent = start(env, args);
        agent.sendRaw(request);
        agent.closeStdin();
        assertThat(agent.waitFor(30_000)).isTrue();
        assertThat(agent.exitCode()).as(agent.stderr()).isZero();
        lastStderr = agent.stderr();
        List<String> lines = agent.stdoutLines();
        assertThat(lines).as(lastStderr).hasSize(1);
        return lines.get(0);
    }

    private List<Path> entries() throws IOException {
        Path directory = home.resolve(".cache/acp4j");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().startsWith("first-answer-")).toList());
        }
    }

    private void markAll() throws IOException {
        for (Path entry : entries()) {
            if (indexOf(Files.readAllBytes(entry), NAME) >= 0) {
                mark(entry);
            }
        }
    }

    private Path only() throws IOException {
        List<Path> entries = entries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    /** Replaces the agent's name in the recorded answer by a marked one of the same length. */
    private static void mark(Path entry) throws IOException {
        byte[] bytes = Files.readAllBytes(entry);
        int at = indexOf(bytes, NAME);
        assertThat(at).as("the recorded answer holds the agent's name").isGreaterThanOrEqualTo(0);
        System.arraycopy(MARKED, 0, bytes, at, MARKED.length);
        Files.write(entry, bytes);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
