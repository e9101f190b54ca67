package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device grant against a GitHub-shaped provider: it answers JSON only when asked, and sends
 * {@code authorization_pending} and {@code slow_down} with HTTP 200 rather than RFC 8628's 400.
 */
class GitHubShapedDeviceFlowTest {

    private GitHubShapedServer github;
    private OAuthEndpoints endpoints;

    @BeforeEach
    void start() throws Exception {
        github = new GitHubShapedServer();
        endpoints = new OAuthEndpoints(null, null, github.tokenEndpoint(), github.deviceAuthorizationEndpoint(),
                null, null, List.of());
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void pendingAndSlowDownSentWithStatus200AreWaitedForAsTheRfcsErrors() throws Exception {
        github.queueErrors("authorization_pending", "authorization_pending", "slow_down", "authorization_pending");
        DeviceAuthorizationFlow flow = new DeviceAuthorizationFlow();
        DeviceAuthorization authorization = flow.start(endpoints, GitHubShapedServer.CLIENT_ID, List.of("read:user"));
        assertThat(authorization.userCode()).isEqualTo(GitHubShapedServer.USER_CODE);
        assertThat(authorization.interval()).isEqualTo(Duration.ofSeconds(1));

        List<Duration> sleeps = new ArrayList<>();
        TokenSet tokens = flow.poll(authorization, () -> false, sleeps::add);

        assertThat(tokens.accessToken()).isEqualTo(GitHubShapedServer.ACCESS_TOKEN);
        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.expiresAt()).as("GitHub's OAuth app tokens do not expire").isNull();
        assertThat(sleeps).as("slow_down adds 5 seconds to the interval")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                        Duration.ofSeconds(6), Duration.ofSeconds(6));
        assertThat(github.tokenRequestAccepts()).hasSize(5).allSatisfy(accept ->
                assertThat(accept).isEqualTo("application/json"));
    }

    @Test
    void aTerminalErrorSentWithStatus200EndsThePolling() throws Exception {
        github.queueErrors("authorization_pending", "access_denied");
        DeviceAuthorizationFlow flow = new DeviceAuthorizationFlow();
        DeviceAuthorization authorization = flow.start(endpoints, GitHubShapedServer.CLIENT_ID, List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flow.poll(authorization, () -> false, d -> { }))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("the user denied the authorization request");
    }
}
