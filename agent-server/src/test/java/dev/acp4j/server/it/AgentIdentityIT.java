package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second agent on the public launcher ({@link NotesAgentMain}, name {@code notes-agent}) beside the
 * built-in one in the same HOME: its own credential file, its own wording, and a logout that never
 * touches the built-in agent's key, even in a shared store file.
 */
class AgentIdentityIT extends LauncherTestBase {

    private static final String ACP4J_KEY = "sk-acp4j-1a2b3c4d5e6f7a8b9c0d";
    private static final String NOTES_KEY = "sk-notes-0f9e8d7c6b5a4f3e2d1c";

    private Path notesAgent;

    @BeforeEach
    void writeNotesLauncher() throws IOException, URISyntaxException {
        Path jar = AgentProcess.launcher().getParent().resolveSibling("agent-server/target/acp4j.jar");
        Path testClasses = Path.of(NotesAgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        notesAgent = home.resolve("notes-agent");
        Files.writeString(notesAgent, "#!/bin/sh\nexec '" + java + "' -Xlog:disable -Xlog:all=warning:stderr -cp '"
                + jar + ":" + testClasses + "' " + NotesAgentMain.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(notesAgent, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void theAgentsNameDecidesItsFileAndEveryTextItsUserReads() throws Exception {
        AgentProcess version = command(notesAgent, "--version");
        assertThat(version.stdoutLines()).containsExactly("notes-agent 2.0.0");

        AgentProcess agent = start(notesAgent, Map.of());
        JsonNode info = agent.initialize(Map.of("elicitation", Map.of("url", Map.of())));
        assertThat(info.at("/result/agentInfo/name").asText()).isEqualTo("notes-agent");
        assertThat(info.at("/result/agentInfo/title").asText()).isEqualTo("Notes Agent");
        long authId = agent.request("authenticate", Map.of("methodId", "notes-key-page"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 10_000);
        assertThat(elicitation.at("/params/message").asText())
                .startsWith("Notes Agent needs an API key (Enter a Notes API key).").doesNotContain("acp4j");
        agent.respond(elicitation.get("id"), Map.of("action", "decline"));
        assertThat(agent.awaitResponse(authId).at("/error/code").asInt()).isEqualTo(-32000);

        AgentProcess login = login(notesAgent, "notes-key-page", NOTES_KEY);
        assertThat(login.stderr()).contains("Notes Agent — Enter a Notes API key. Paste the key")
                .contains(notesFile().toString());
        assertThat(Files.readString(notesFile())).contains(NOTES_KEY);
        assertThat(acp4jFile()).doesNotExist();

        AgentProcess status = command(notesAgent, "--status");
        assertThat(String.join("\n", status.stdoutLines())).contains("Notes Agent").contains(notesFile().toString())
                .containsPattern("notes +API key +stored \\(notes-key-page\\)").doesNotContain(NOTES_KEY);
    }

    @Test
    void logoutLeavesTheOtherAgentsKeyInItsFileAndInASharedOne() throws Exception {
        login(AgentProcess.launcher(), "acp4j-key-page", ACP4J_KEY);
        login(notesAgent, "notes-key-page", NOTES_KEY);
        acpLogout(notesAgent);
        assertThat(Files.readString(notesFile())).doesNotContain(NOTES_KEY);
        assertThat(Files.readString(acp4jFile())).contains(ACP4J_KEY);

        Path shared = home.resolve("shared/credentials.json");
        Path acp4jConfig = Files.writeString(home.resolve("acp4j.json"), """
                {"authMethods": [{"id": "acp4j-key-page", "type": "api_key_page", "name": "Enter an API key",
                  "provider": "acp4j"}], "credentialStore": "%s"}""".formatted(shared));
        Path notesConfig = Files.writeString(home.resolve("notes.json"), """
                {"authMethods": [{"id": "notes-key-page", "type": "api_key_page", "name": "Enter a Notes API key",
                  "provider": "notes"}], "credentialStore": "%s"}""".formatted(shared));
        login(AgentProcess.launcher(), "acp4j-key-page", ACP4J_KEY, "--config", acp4jConfig.toString());
        login(notesAgent, "notes-key-page", NOTES_KEY, "--config", notesConfig.toString());
        acpLogout(notesAgent, "--config", notesConfig.toString());
        assertThat(Files.readString(shared)).contains(ACP4J_KEY).doesNotContain(NOTES_KEY);

        login(notesAgent, "notes-key-page", NOTES_KEY, "--config", notesConfig.toString());
        AgentProcess logout = command(AgentProcess.launcher(), "--config", acp4jConfig.toString(), "--logout");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();
        assertThat(Files.readString(shared)).contains(NOTES_KEY).doesNotContain(ACP4J_KEY);
    }

    private void acpLogout(Path launcher, String... args) throws Exception {
        AgentProcess agent = start(launcher, Map.of(), args);
        agent.initialize(Map.of());
        assertThat(agent.call("logout", Map.of()).get("result").isObject()).isTrue();
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
    }

    private AgentProcess login(Path launcher, String methodId, String key, String... configArgs) throws Exception {
        String[] args = new String[configArgs.length + 2];
        System.arraycopy(configArgs, 0, args, 0, configArgs.length);
        args[configArgs.length] = "--login";
        args[configArgs.length + 1] = methodId;
        AgentProcess login = start(launcher, Map.of(), args);
        skipTranscriptCheck(login);
        login.sendRaw(key);
        login.closeStdin();
        assertThat(login.waitFor(10_000)).isTrue();
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).doesNotContain(key);
        return login;
    }

    private AgentProcess command(Path launcher, String... args) throws Exception {
        AgentProcess process = start(launcher, Map.of(), args);
        skipTranscriptCheck(process);
        process.closeStdin();
        assertThat(process.waitFor(20_000)).isTrue();
        return process;
    }

    private Path notesFile() {
        return home.resolve(".config/notes-agent/credentials.json");
    }

    private Path acp4jFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }
}
