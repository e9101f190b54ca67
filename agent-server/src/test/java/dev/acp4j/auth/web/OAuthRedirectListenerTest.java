package dev.acp4j.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthRedirectListenerTest {

    private static final String STATE = "state-0123456789";

    private final WebTestClient client = new WebTestClient();
    private OAuthRedirectListener listener;

    @BeforeEach
    void start() throws Exception {
        listener = OAuthRedirectListener.start(0, "/callback");
        listener.expectState(STATE);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private URI redirect(String query) {
        return URI.create(listener.redirectUri() + "?" + query);
    }

    @Test
    void theRedirectUriIsOnTheIpv4Loopback() {
        URI uri = listener.redirectUri();

        assertThat(uri.toString()).matches("http://127\\.0\\.0\\.1:\\d+/callback");
        assertThat(listener.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(listener.address().getPort()).isEqualTo(uri.getPort());
    }

    @Test
    void aConfiguredPortIsUsed() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (OAuthRedirectListener fixed = OAuthRedirectListener.start(port, "/oauth/done")) {
            assertThat(fixed.redirectUri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/oauth/done"));
        }
    }

    @Test
    void aPathWithAQueryIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OAuthRedirectListener.start(0, "/callback?x=1"));
        assertThatIllegalArgumentException().isThrownBy(() -> OAuthRedirectListener.start(0, "callback"));
    }

    @Test
    void theBrowserGetsItsPageEvenWhenTheFlowClosesTheListenerAsSoonAsItHasTheRedirect() throws Exception {
        listener.callback().thenRun(listener::close);

        HttpResponse<String> page = client.get(redirect("code=abc&state=" + STATE));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in");
        assertThat(listener.callback().get(5, TimeUnit.SECONDS)).containsEntry("code", "abc");
    }

    @Test
    void aWrongOrMissingStateIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> wrong = client.get(redirect("code=abc&state=other"));
        HttpResponse<String> missing = client.get(redirect("code=abc"));
        HttpResponse<String> repeated = client.get(redirect("code=abc&state=" + STATE + "&state=" + STATE));

        for (HttpResponse<String> response : java.util.List.of(wrong, missing, repeated)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("This sign-in link is not valid or has expired");
        }
        ApiKeyPageTest.assertSecurityHeaders(wrong);
        assertThat(listener.callback()).isNotDone();

        HttpResponse<String> right = client.get(redirect("code=abc&state=" + STATE));
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void nothingIsAcceptedBeforeTheStateIsKnown() throws Exception {
        try (OAuthRedirectListener fresh = OAuthRedirectListener.start(0, "/callback")) {
            HttpResponse<String> response = client.get(URI.create(fresh.redirectUri() + "?code=abc&state="));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fresh.callback()).isNotDone();
        }
    }

    @Test
    void theRightStateCompletesWithTheParametersAndAReplayIsGone() throws Exception {
        HttpResponse<String> response = client.get(redirect("code=c%2Fode+1&state=" + STATE + "&iss=https%3A%2F%2Fas"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Signed in — you can close this tab.");
        ApiKeyPageTest.assertSecurityHeaders(response);
        assertThat(listener.callback().get(5, TimeUnit.SECONDS))
                .containsExactly(Map.entry("code", "c/ode 1"), Map.entry("state", STATE), Map.entry("iss", "https://as"));

        HttpResponse<String> replay = client.get(redirect("code=c%2Fode+1&state=" + STATE));
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(client.get(listener.redirectUri().resolve("/other")).statusCode()).isEqualTo(410);
    }

    @Test
    void anErrorResponseCompletesAndThePageSaysSignInFailed() throws Exception {
        HttpResponse<String> response = client.get(redirect(
                "error=access_denied&error_description=User+%3Cb%3Edenied%3C%2Fb%3E&state=" + STATE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("Sign-in failed: User &lt;b&gt;denied&lt;/b&gt;")
                .doesNotContain("<b>denied");
        assertThat(listener.callback().get(5, TimeUnit.SECONDS))
                .containsEntry("error", "access_denied")
                .containsEntry("error_description", "User <b>denied</b>");
    }

    @Test
    void anErrorWithoutDescriptionShowsTheErrorCode() throws Exception {
        HttpResponse<String> response = client.get(redirect("error=server_error&state=" + STATE));

        assertThat(response.body()).contains("Sign-in failed: server_error");
        assertThat(listener.callback().get(5, TimeUnit.SECONDS)).containsEntry("error", "server_error");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(client.get(listener.redirectUri().resolve("/favicon.ico")).statusCode()).isEqualTo(404);
        assertThat(client.get(URI.create(listener.redirectUri() + "/x?state=" + STATE)).statusCode()).isEqualTo(404);
        assertThat(client.post(redirect("code=abc&state=" + STATE), "").statusCode()).isEqualTo(405);
        assertThat(listener.callback()).isNotDone();
    }

    @Test
    void closingCancelsTheCallback() {
        listener.close();

        assertThat(listener.callback()).isCompletedExceptionally();
    }
}
