package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.server.it.ConfidentialProvider.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 3 through {@code bin/acp4j}: a confidential client's {@code clientSecretFile}
 * reaches the token, device and revocation endpoints the way the server's metadata asks
 * ({@code client_secret_basic} preferred, else {@code client_secret_post}; or as
 * {@code tokenEndpointAuthMethod} says), and no output of the agent — stdout, stderr at trace
 * level, the trace file, the credential store — holds the secret.
 */
class ConfidentialClientLauncherIT extends LauncherTestBase {

    private static final String SECRET = "cs-9Kq2xZr7Lm4Wp0VbT3";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private ConfidentialProvider provider;

    @AfterEach
    void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    private Path secretFile(String mode) throws Exception {
        Path file = home.resolve("corp-client-secret");
        Files.writeString(file, SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private Path config(String flow, String extra) throws Exception {
        Path config = home.resolve("corp.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "corp", "type": "oauth2", "name": "Sign in with Corp", "issuer": "%s",
                  "clientId": "%s", "clientSecretFile": "%s", "flow": "%s", "timeoutSeconds": 60%s}]}"""
                .formatted(provider.issuer(), ConfidentialProvider.CLIENT_ID, secretFile("rw-------"), flow, extra));
        return config;
    }

    private AgentProcess run(Path config, String... action) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--log-level", "trace"));
        args.addAll(List.of(action));
        AgentProcess process = start(Map.of("ACP4J_NO_BROWSER", "1"), args.toArray(String[]::new));
        skipTranscriptCheck(process);
        process.closeStdin();
        assertThat(process.waitFor(60_000)).as("exits").isTrue();
        return process;
    }

    private String credentialFile() throws Exception {
        return Files.readString(home.resolve(".config/acp4j/credentials.json"));
    }

    @Test
    void deviceLoginRefreshAndLogoutSendTheSecretInTheFormWhenTheMetadataListsOnlyClientSecretPost() throws Exception {
        provider = new ConfidentialProvider(SECRET, List.of("client_secret_post"), null);
        Path config = config("device_code", "");

        AgentProcess login = run(config, "--login", "corp");
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains(ConfidentialProvider.USER_CODE).contains("Logged in with 'corp'");
        String stored = credentialFile();
        assertThat(stored).contains(ConfidentialProvider.ACCESS_TOKEN).contains("client_secret_post");

        AgentProcess again = run(config, "--login", "corp"); // the 60-second token is refreshed, not signed in anew
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stderr()).contains("Already signed in").contains("refreshed");

        AgentProcess logout = run(config, "--logout", "corp");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();

        assertThat(provider.requests()).containsExactly(
                new Request("/device", "device", "post"),
                new Request("/token", DEVICE_GRANT, "post"),
                new Request("/token", "refresh_token", "post"),
                new Request("/revoke", "revoke", "post"),
                new Request("/revoke", "revoke", "post"));
        for (AgentProcess process : List.of(login, again, logout)) {
            assertThat(process.stderr()).doesNotContain(SECRET);
            assertThat(process.stdoutLines()).noneMatch(line -> line.contains(SECRET));
        }
        assertThat(stored).doesNotContain(SECRET);
    }

    @Test
    void editorSignInAndRefreshSendTheSecretByHttpBasicWhenTheMetadataListsItAndTheTraceHoldsNoSecret() throws Exception {
        Path curl = Path.of("/usr/bin/curl");
        Assumptions.assumeTrue(Files.isExecutable(curl), "no /usr/bin/curl");
        provider = new ConfidentialProvider(SECRET, List.of("client_secret_post", "client_secret_basic"), null);
        Path config = config("authorization_code", "");
        Path browser = home.resolve("browser");
        // the provider approves at once: following its redirect lands on acp4j's loopback callback
        Files.writeString(browser, "#!/bin/sh\n" + curl + " -s -L -o /dev/null \"$1\" &\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
        Path trace = home.resolve("trace.jsonl");

        AgentProcess agent = start(Map.of("BROWSER", browser.toString()), "--config", config.toString(),
                "--log-level", "trace", "--trace", trace.toString());
        agent.initialize(Map.of());
        JsonNode signedIn = agent.call("authenticate", Map.of("methodId", "corp"));
        assertThat(signedIn.get("result")).as(signedIn + "\n" + agent.stderr()).isNotNull();
        String sessionId = agent.newSession(home);
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/whoami"))));
        List<JsonNode> before = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, before);
        assertThat(answer.has("result")).as(answer.toString()).isTrue();
        String whoami = before.stream().map(m -> m.at("/params/update/content/text").asText())
                .collect(Collectors.joining());
        assertThat(whoami).contains("provider corp");
        agent.closeStdin();
        assertThat(agent.waitFor(30_000)).isTrue();

        assertThat(provider.requests()).containsExactly(
                new Request("/token", "authorization_code", "basic"),
                new Request("/token", "refresh_token", "basic"));
        assertThat(agent.stderr()).contains("sign-in in the browser finished").doesNotContain(SECRET);
        assertThat(agent.stdoutLines()).noneMatch(line -> line.contains(SECRET));
        assertThat(Files.readString(trace)).contains("authenticate").doesNotContain(SECRET);
        assertThat(credentialFile()).doesNotContain(SECRET).contains("client_secret_basic");
    }

    @Test
    void tokenEndpointAuthMethodOverridesTheDefaultOfAServerThatListsNoMethods() throws Exception {
        provider = new ConfidentialProvider(SECRET, List.of(), null);
        AgentProcess login = run(config("device_code", ", \"tokenEndpointAuthMethod\": \"client_secret_post\""),
                "--login", "corp");

        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(provider.requests()).extracting(Request::auth).containsExactly("post", "post");
    }

    @Test
    void withoutMethodsInTheMetadataTheSecretGoesByHttpBasic() throws Exception {
        provider = new ConfidentialProvider(SECRET, List.of(), null);
        AgentProcess login = run(config("device_code", ""), "--login", "corp");

        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(provider.requests()).extracting(Request::auth).containsExactly("basic", "basic");
    }

    @Test
    void aSecretInTheConfigurationIsRefusedAtStartAndPointsToClientSecretFile() throws Exception {
        Path config = home.resolve("inline.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "corp", "type": "oauth2", "name": "Sign in with Corp",
                  "issuer": "https://auth.corp.example", "clientId": "acp4j-cli", "clientSecret": "%s"}]}"""
                .formatted(SECRET));
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        skipTranscriptCheck(agent);
        agent.closeStdin();
        assertThat(agent.waitFor(30_000)).isTrue();

        assertThat(agent.exitCode()).isEqualTo(2);
        assertThat(agent.stderr()).contains("clientSecret: a client secret does not go in the configuration")
                .contains("clientSecretFile").doesNotContain(SECRET);
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedAtStartNamingTheFileAndItsMode() throws Exception {
        Path secret = secretFile("rw-r--r--");
        Path config = home.resolve("open.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "corp", "type": "oauth2", "name": "Sign in with Corp",
                  "issuer": "https://auth.corp.example", "clientId": "acp4j-cli", "clientSecretFile": "%s"}]}"""
                .formatted(secret));
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        skipTranscriptCheck(agent);
        agent.closeStdin();
        assertThat(agent.waitFor(30_000)).isTrue();

        assertThat(agent.exitCode()).isEqualTo(2);
        assertThat(agent.stderr()).contains("clientSecretFile " + secret + " is readable by others than you (mode 644)")
                .contains("chmod 600").doesNotContain(SECRET);
    }
}
