package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.schema.TranscriptValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the interop tests share: the agent's configuration and environment, checks of its trace and store. */
final class InteropSupport {

    private InteropSupport() {
    }

    /** A configuration with an {@code env_var} method reading {@code envVariable} and an {@code api_key_page} one. */
    static Path writeConfig(Path dir, String envVariable) throws IOException {
        Path config = dir.resolve("interop.json");
        Files.writeString(config, """
                {"credentialStore": "%s",
                 "elicitationTimeoutSeconds": 60,
                 "authMethods": [
                  {"id": "interop-env", "type": "env_var", "name": "Key from the environment", "provider": "interop",
                   "vars": [{"name": "%s", "label": "API key"}]},
                  {"id": "interop-page", "type": "api_key_page", "name": "Enter a key", "provider": "interop-page"}
                 ]}""".formatted(credentialStore(dir), envVariable));
        return config;
    }

    static Path credentialStore(Path dir) {
        return dir.resolve("store").resolve("credentials.json");
    }

    /** The agent's environment: this JVM's, less what would reach outside the test, with HOME in {@code home}. */
    static void isolate(Map<String, String> environment, Path home) {
        environment.keySet().removeIf(name -> name.startsWith("ACP4J_") || name.startsWith("SSH_")
                || name.equals("XDG_CONFIG_HOME") || name.equals("OPENAI_API_KEY") || name.equals("BROWSER"));
        environment.put("HOME", home.toString());
    }

    /** Every line the agent wrote is valid against acp4j's wire schema (what the client sent may be odd). */
    static void assertAgentLinesValid(Path trace) throws IOException {
        assertThat(trace).exists();
        assertThat(TranscriptValidator.validateTrace(trace).stream().filter(v -> !v.matches("#\\d+ IN .*")))
                .as("schema violations in what the agent wrote (trace %s)", trace).isEmpty();
    }

    /**
     * Whether the agent wrote {@code elicitation/complete} before its answer to the
     * {@code authenticate} request for {@code methodId} (read from a {@code --trace} file).
     */
    static boolean completeSentBeforeAnswer(Path trace, String methodId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            lines.add(json.readTree(line));
        }
        JsonNode requestId = lines.stream().map(l -> l.path("msg"))
                .filter(m -> "authenticate".equals(m.path("method").asText()) && methodId.equals(m.at("/params/methodId").asText()))
                .map(m -> m.get("id")).findFirst().orElseThrow(() -> new AssertionError("no authenticate with " + methodId));
        int complete = -1;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            JsonNode msg = line.path("msg");
            if (!"out".equals(line.path("dir").asText())) {
                continue;
            }
            if (complete < 0 && "elicitation/complete".equals(msg.path("method").asText())) {
                complete = i;
            }
            if (!msg.has("method") && requestId.equals(msg.get("id"))) {
                return complete >= 0;
            }
        }
        throw new AssertionError("no answer to the authenticate request " + requestId + " in " + trace);
    }

    static void assertOwnerOnly(Path file) throws IOException {
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
