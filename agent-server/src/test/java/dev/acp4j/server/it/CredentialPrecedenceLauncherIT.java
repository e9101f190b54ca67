package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The profile's §6 precedence as the built-in agent's {@code /whoami} reports it, through
 * {@code bin/acp4j}: a token in the environment > stored OAuth credential > API key in the
 * environment > stored API key; and a {@code --login} with a key keeps a stored OAuth credential.
 */
class CredentialPrecedenceLauncherIT extends LauncherTestBase {

    private static final String ENV_TOKEN = "at-env-5b7d9f1a3c5e7a9b";
    private static final String STORED_TOKEN = "at-stored-2c4e6a8b0d1f3a5c";
    private static final String ENV_KEY = "sk-env-8a6c4e2b0d9f7a5c";
    private static final String STORED_KEY = "sk-stored-1b3d5f7a9c2e4a6b";
    private static final List<String> SECRETS = List.of(ENV_TOKEN, STORED_TOKEN, ENV_KEY, STORED_KEY);

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = home.resolve("auth.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "llm-oauth", "type": "oauth2", "name": "Sign in with LLM", "provider": "llm",
                   "issuer": "https://auth.llm.example", "clientId": "acp4j-cli"},
                  {"id": "llm-page", "type": "api_key_page", "name": "Enter an LLM API key", "provider": "llm"},
                  {"id": "llm-token", "type": "env_var", "name": "LLM token from the environment", "provider": "llm",
                   "vars": [{"name": "LLM_OAUTH_TOKEN", "label": "OAuth token", "kind": "oauth_token"}]},
                  {"id": "llm-env", "type": "env_var", "name": "LLM key from the environment", "provider": "llm",
                   "vars": [{"name": "LLM_API_KEY", "label": "API key"}]}
                ]}""");
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(List.of("env token", "stored OAuth"), "access token from env LLM_OAUTH_TOKEN"),
                Arguments.of(List.of("env token", "env key"), "access token from env LLM_OAUTH_TOKEN"),
                Arguments.of(List.of("env token", "stored key"), "access token from env LLM_OAUTH_TOKEN"),
                Arguments.of(List.of("stored OAuth", "env key"), "access token from stored llm-oauth"),
                Arguments.of(List.of("stored OAuth", "stored key"), "access token from stored llm-oauth"),
                Arguments.of(List.of("env key", "stored key"), "api key from env LLM_API_KEY"),
                Arguments.of(List.of("stored key"), "api key from stored llm-page"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rows")
    void whoamiNamesTheCredentialOfHighestPrecedence(List<String> sources, String expected) throws Exception {
        Map<String, String> env = new HashMap<>();
        CredentialStore store = new CredentialStore(credentialFile());
        Instant now = Instant.now();
        for (String source : sources) {
            switch (source) {
                case "env token" -> env.put("LLM_OAUTH_TOKEN", ENV_TOKEN);
                case "env key" -> env.put("LLM_API_KEY", ENV_KEY);
                case "stored OAuth" -> store.put(StoredCredential.oauth2("llm", "llm-oauth", STORED_TOKEN, null,
                        now.plus(Duration.ofHours(2)), now, Map.of()));
                case "stored key" -> store.put(StoredCredential.apiKey("llm", "llm-page", STORED_KEY, now));
                default -> throw new IllegalArgumentException(source);
            }
        }

        String answer = whoami(env);

        assertThat(answer).startsWith("Signed in: provider llm, " + expected);
        SECRETS.forEach(secret -> assertThat(answer).doesNotContain(secret));
    }

    @Test
    void loginWithAKeyKeepsTheStoredOAuthCredentialAndStatusShowsBoth() throws Exception {
        CredentialStore store = new CredentialStore(credentialFile());
        Instant now = Instant.now();
        store.put(StoredCredential.oauth2("llm", "llm-oauth", STORED_TOKEN, "rt-" + STORED_TOKEN,
                now.plus(Duration.ofHours(2)), now, Map.of()));

        AgentProcess login = start(Map.of(), "--config", config.toString(), "--login", "llm-page");
        skipTranscriptCheck(login);
        login.sendRaw(STORED_KEY);
        login.closeStdin();
        assertThat(login.waitFor(10_000)).isTrue();
        assertThat(login.exitCode()).as(login.stderr()).isZero();

        assertThat(store.get("llm", CredentialKind.OAUTH2)).map(StoredCredential::secret).contains(STORED_TOKEN);
        assertThat(store.get("llm", CredentialKind.API_KEY)).map(StoredCredential::secret).contains(STORED_KEY);
        assertThat(whoami(Map.of())).startsWith("Signed in: provider llm, access token from stored llm-oauth");

        AgentProcess status = start(Map.of("LLM_OAUTH_TOKEN", ENV_TOKEN, "LLM_API_KEY", ENV_KEY),
                "--config", config.toString(), "--status");
        skipTranscriptCheck(status);
        status.closeStdin();
        assertThat(status.waitFor(20_000)).isTrue();
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        String table = String.join("\n", status.stdoutLines());
        assertThat(table.lines().filter(line -> line.startsWith("llm ")).map(line -> line.replaceAll(" {2,}", " | "))
                .collect(Collectors.toList()))
                .as("in the order of precedence")
                .satisfiesExactly(
                        row -> assertThat(row).startsWith("llm | OAuth token | environment (LLM_OAUTH_TOKEN)"),
                        row -> assertThat(row).startsWith("llm | OAuth token | stored (llm-oauth)"),
                        row -> assertThat(row).startsWith("llm | API key | environment (LLM_API_KEY)"),
                        row -> assertThat(row).startsWith("llm | API key | stored (llm-page)"));
        SECRETS.forEach(secret -> assertThat(table + status.stderr()).doesNotContain(secret));
    }

    private String whoami(Map<String, String> env) throws Exception {
        AgentProcess agent = start(env, "--config", config.toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(home);
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/whoami"))));
        List<JsonNode> before = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, before);
        assertThat(answer.has("result")).as(answer.toString()).isTrue();
        String text = before.stream()
                .filter(m -> "agent_message_chunk".equals(m.at("/params/update/sessionUpdate").asText()))
                .map(m -> m.at("/params/update/content/text").asText())
                .collect(Collectors.joining());
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        return text;
    }

    private Path credentialFile() {
        return home.resolve(".config/acp4j/credentials.json");
    }
}
