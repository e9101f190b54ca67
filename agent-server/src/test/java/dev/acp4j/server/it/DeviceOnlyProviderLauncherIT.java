package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.oauth.GitHubShapedServer;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --login} with a GitHub-shaped, device-only provider (no issuer, no authorization endpoint). */
class DeviceOnlyProviderLauncherIT extends LauncherTestBase {

    private GitHubShapedServer github;

    @BeforeEach
    void startProvider() throws Exception {
        github = new GitHubShapedServer();
    }

    @AfterEach
    void stopProvider() {
        github.close();
    }

    private Path config(int timeoutSeconds) throws Exception {
        Path config = home.resolve("github.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "github", "type": "oauth2", "name": "Sign in with GitHub", "flow": "device_code",
                  "clientId": "%s", "scopes": ["read:user"], "deviceAuthorizationEndpoint": "%s",
                  "tokenEndpoint": "%s", "timeoutSeconds": %d}]}"""
                .formatted(GitHubShapedServer.CLIENT_ID, github.deviceAuthorizationEndpoint(), github.tokenEndpoint(),
                        timeoutSeconds));
        return config;
    }

    @Test
    void loginShowsTheUserCodeWaitsThroughPendingAnswersAndStoresTheToken() throws Exception {
        github.queueErrors("authorization_pending");
        AgentProcess login = login(config(120));

        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains(GitHubShapedServer.USER_CODE).contains("/login/device")
                .contains("Logged in with 'github'").doesNotContain(GitHubShapedServer.ACCESS_TOKEN)
                .doesNotContain(GitHubShapedServer.DEVICE_CODE);
        assertThat(new CredentialStore(home.resolve(".config/acp4j/credentials.json")).get("github", CredentialKind.OAUTH2))
                .map(c -> c.secret()).contains(GitHubShapedServer.ACCESS_TOKEN);
        assertThat(github.tokenRequestAccepts()).containsExactly("application/json", "application/json");
    }

    @Test
    void aTimeoutUnderAMinuteIsReportedInSeconds() throws Exception {
        github.queueErrors("authorization_pending", "authorization_pending", "authorization_pending",
                "authorization_pending", "authorization_pending", "authorization_pending");
        AgentProcess login = login(config(2));

        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.stderr()).contains("login with 'github' failed: no sign-in within 2 seconds")
                .doesNotContain("0 minutes");
    }

    private AgentProcess login(Path config) throws Exception {
        AgentProcess login = start(Map.of("ACP4J_NO_BROWSER", "1"), "--config", config.toString(), "--login", "github");
        skipTranscriptCheck(login);
        login.closeStdin();
        assertThat(login.waitFor(30_000)).as("exits").isTrue();
        return login;
    }
}
