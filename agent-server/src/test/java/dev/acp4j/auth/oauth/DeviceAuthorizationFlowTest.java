package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The device grant's polling rules (RFC 8628 §3.4, §3.5) against a scripted HTTP server on 127.0.0.1:
 * each test queues the answers the endpoints give, in order. The full grant against a real
 * authorization server is in the oauth-it module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceAuthorizationFlowTest {

    private static final String DEVICE_CODE = "dc-8d3f0a61";
    private static final String PENDING = "{\"error\":\"authorization_pending\"}";
    private static final String TOKENS =
            "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"rt-1\"}";

    private ScriptedServer server;
    private OAuthEndpoints endpoints;

    @BeforeAll
    void start() throws IOException {
        server = new ScriptedServer();
        endpoints = server.endpoints();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private void queue(int status, String json) {
        server.queue(status, json);
    }

    private DeviceAuthorization started(String deviceAuthorizationJson) {
        queue(200, deviceAuthorizationJson);
        return new DeviceAuthorizationFlow().start(endpoints, "cli", List.of("openid", "profile"));
    }

    private static String authorizationJson(String extra) {
        return "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":\"WDJB-MJHT\","
                + "\"verification_uri\":\"https://example.com/device\",\"expires_in\":600" + extra + "}";
    }

    @Test
    void startReadsTheResponseAndDefaultsTheIntervalToFiveSeconds() {
        DeviceAuthorization authorization = started(authorizationJson(""));

        assertThat(authorization.userCode()).isEqualTo("WDJB-MJHT");
        assertThat(authorization.verificationUri()).hasToString("https://example.com/device");
        assertThat(authorization.verificationUriComplete()).isNull();
        assertThat(authorization.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(authorization.expiresAt()).isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(601));
        assertThat(server.requests()).singleElement().asString()
                .startsWith("/device ").contains("client_id=cli").contains("scope=openid+profile");
    }

    @Test
    void startKeepsTheServersIntervalAndCompleteUri() {
        DeviceAuthorization authorization = started(authorizationJson(
                ",\"interval\":2,\"verification_uri_complete\":\"https://example.com/device?user_code=WDJB-MJHT\""));

        assertThat(authorization.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(authorization.verificationUriComplete()).hasToString("https://example.com/device?user_code=WDJB-MJHT");
    }

    @Test
    void pollKeepsPollingWhilePendingAndSlowsDownWhenAsked() throws InterruptedException {
        DeviceAuthorization authorization = started(authorizationJson(""));
        queue(400, PENDING);
        queue(400, "{\"error\":\"slow_down\"}");
        queue(400, PENDING);
        queue(200, TOKENS);
        List<Duration> waits = new ArrayList<>();

        TokenSet tokens = new DeviceAuthorizationFlow().poll(authorization, () -> false, waits::add);

        assertThat(tokens.accessToken()).isEqualTo("at-1");
        assertThat(tokens.refreshToken()).isEqualTo("rt-1");
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        assertThat(server.requests().subList(1, server.requests().size())).hasSize(4).allSatisfy(body -> assertThat(body)
                .startsWith("/token ")
                .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code")
                .contains("device_code=" + DEVICE_CODE)
                .contains("client_id=cli"));
    }

    @Test
    void expiredTokenEndsThePolling() {
        DeviceAuthorization authorization = started(authorizationJson(""));
        queue(400, PENDING);
        queue(400, "{\"error\":\"expired_token\"}");

        assertThatThrownBy(() -> new DeviceAuthorizationFlow().poll(authorization, () -> false, d -> { }))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("the code expired")
                .extracting(e -> ((OAuthException) e).error()).isEqualTo("expired_token");
    }

    @Test
    void pollingStopsOnceTheCodeHasExpiredWithoutAskingTheServer() {
        DeviceAuthorization authorization = started(authorizationJson(""));
        Clock afterExpiry = Clock.fixed(authorization.expiresAt(), ZoneOffset.UTC);

        assertThatThrownBy(() -> new DeviceAuthorizationFlow(afterExpiry).poll(authorization, () -> false, d -> { }))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("the code expired");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void accessDeniedEndsThePolling() {
        DeviceAuthorization authorization = started(authorizationJson(""));
        queue(400, "{\"error\":\"access_denied\"}");

        assertThatThrownBy(() -> new DeviceAuthorizationFlow().poll(authorization, () -> false, d -> { }))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("denied")
                .extracting(e -> ((OAuthException) e).error()).isEqualTo("access_denied");
    }

    @Test
    void otherErrorsEndThePollingWithTheServersWords() {
        DeviceAuthorization authorization = started(authorizationJson(""));
        queue(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client\"}");

        assertThatThrownBy(() -> new DeviceAuthorizationFlow().poll(authorization, () -> false, d -> { }))
                .isInstanceOf(OAuthException.class)
                .hasMessage("invalid_client: Unknown client");
    }

    @Test
    void cancellingStopsThePolling() {
        DeviceAuthorization authorization = started(authorizationJson(""));
        queue(400, PENDING);
        queue(400, PENDING);
        int[] polls = {0};

        assertThatThrownBy(() -> new DeviceAuthorizationFlow().poll(authorization, () -> polls[0] >= 2, d -> polls[0]++))
                .isInstanceOf(CancellationException.class);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aRealIntervalIsRespected() throws InterruptedException {
        DeviceAuthorization authorization = started(authorizationJson(",\"interval\":1"));
        queue(400, PENDING);
        queue(200, TOKENS);
        long startedAt = System.nanoTime();

        new DeviceAuthorizationFlow().poll(authorization, () -> false, Sleeper.real());

        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
}
