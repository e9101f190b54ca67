package dev.acp4j.auth.oauth;

import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.PUBLIC_CLIENT;
import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.REDIRECT_URI;
import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.REQUEST_PATHS;
import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/** The OAuth flows against a real Spring Authorization Server on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringAuthorizationServerFlowsTest {

    private ConfigurableApplicationContext server;
    private URI base;
    private URI issuer;
    private OAuthEndpoints endpoints;
    private SignedInBrowser browser;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        server = EmbeddedAuthorizationServer.start();
        base = EmbeddedAuthorizationServer.baseUri(server);
        issuer = URI.create(base + "/tenant");
        browser = SignedInBrowser.signIn(base);
        REQUEST_PATHS.clear();
        endpoints = new AuthorizationServerDiscovery().discover(issuer);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void discoveryFindsTheMetadataAtTheRfc8414PathInsertedUrl() {
        REQUEST_PATHS.clear();

        OAuthEndpoints again = new AuthorizationServerDiscovery().discover(issuer);

        assertThat(REQUEST_PATHS.stream().filter(path -> path.contains("/.well-known/")))
                .containsExactly("/.well-known/oauth-authorization-server/tenant");
        assertThat(again).isEqualTo(endpoints);
        assertThat(endpoints.issuer()).isEqualTo(issuer);
        assertThat(endpoints.authorizationEndpoint()).hasToString(issuer + "/oauth2/authorize");
        assertThat(endpoints.tokenEndpoint()).hasToString(issuer + "/oauth2/token");
        assertThat(endpoints.deviceAuthorizationEndpoint()).hasToString(issuer + "/oauth2/device_authorization");
        assertThat(endpoints.revocationEndpoint()).hasToString(issuer + "/oauth2/revoke");
        assertThat(endpoints.codeChallengeMethodsSupported()).contains("S256");
    }

    @Test
    void authorizationCodeWithPkceThenRevocation() throws Exception {
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(endpoints, PUBLIC_CLIENT, List.of(SCOPE), URI.create(REDIRECT_URI), null);

        TokenSet tokens = new AuthorizationCodeFlow().exchange(request, authorize(request));

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.scope()).isEqualTo(SCOPE);
        assertThat(active(tokens.accessToken())).as("active before revocation").isTrue();

        assertThat(new TokenRevocation().revoke(endpoints, PUBLIC_CLIENT, tokens.accessToken(), false)).isTrue();

        assertThat(active(tokens.accessToken())).as("active after revocation").isFalse();
    }

    @Test
    void theServerRefusesACodeRedeemedWithAnotherVerifier() throws Exception {
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(endpoints, PUBLIC_CLIENT, List.of(SCOPE), URI.create(REDIRECT_URI), null);
        AuthorizationRequestState otherVerifier = new AuthorizationRequestState(request.authorizationUrl(),
                new State(request.state()), new CodeVerifier(), endpoints, PUBLIC_CLIENT, URI.create(REDIRECT_URI), null);
        Map<String, String> callback = authorize(request);

        assertThatThrownBy(() -> new AuthorizationCodeFlow().exchange(otherVerifier, callback))
                .isInstanceOf(OAuthException.class)
                .hasMessageNotContaining(callback.get("code"));
        // The refusal was the verifier's: the same code with the right one still works.
        assertThat(new AuthorizationCodeFlow().exchange(request, callback).accessToken()).isNotBlank();
    }

    @Test
    void deviceGrantEndToEnd() throws Exception {
        DeviceAuthorization authorization = new DeviceAuthorizationFlow().start(endpoints, PUBLIC_CLIENT, List.of(SCOPE));
        // Spring puts the verification page at the server's root, not under the issuer's path.
        assertThat(authorization.verificationUri()).hasToString(base + "/oauth2/device_verification");
        assertThat(authorization.verificationUriComplete().toString()).contains(authorization.userCode());

        BackgroundPoll poll = new BackgroundPoll(authorization);
        try {
            poll.awaitPendingAnswers(2);
            HttpResponse<String> approved = consent(authorization, true);
            assertThat(approved.statusCode()).isEqualTo(302);
            assertThat(approved.headers().firstValue("Location").orElseThrow()).contains("success");
            TokenSet tokens = poll.result.get(20, TimeUnit.SECONDS);

            assertThat(tokens.accessToken()).isNotBlank();
            assertThat(tokens.scope()).isEqualTo(SCOPE);
            assertThat(active(tokens.accessToken())).isTrue();
            assertThat(tokens.refreshToken()).isNotNull();

            TokenSet refreshed = new TokenRefresh().refresh(endpoints, PUBLIC_CLIENT, tokens.refreshToken(), null);
            assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
            assertThat(active(refreshed.accessToken())).isTrue();
            // Spring reuses refresh tokens by default.
            assertThat(refreshed.refreshToken()).isEqualTo(tokens.refreshToken());

            assertThat(new TokenRevocation().revoke(endpoints, PUBLIC_CLIENT, refreshed.refreshToken(), true)).isTrue();
            assertThatThrownBy(() -> new TokenRefresh().refresh(endpoints, PUBLIC_CLIENT, refreshed.refreshToken(), null))
                    .isInstanceOf(InvalidGrantException.class);
        } finally {
            poll.stop.set(true);
        }
    }

    @Test
    void deviceGrantTheUserDenies() throws Exception {
        // A client of its own: the server remembers consent per client and user, and adds consent given
        // in another test to an empty one.
        DeviceAuthorization authorization = new DeviceAuthorizationFlow()
                .start(endpoints, EmbeddedAuthorizationServer.OTHER_PUBLIC_CLIENT, List.of(SCOPE));
        BackgroundPoll poll = new BackgroundPoll(authorization);
        try {
            poll.awaitPendingAnswers(1);
            HttpResponse<String> denied = consent(authorization, false);
            assertThat(denied.statusCode()).isEqualTo(400);

            assertThatThrownBy(() -> poll.result.get(20, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(OAuthException.class)
                    .hasMessageContaining("denied");
        } finally {
            poll.stop.set(true);
        }
    }

    /** Polls on another thread with a short real wait (the server asks for 5 s) while the test plays the user. */
    private static final class BackgroundPoll {
        final AtomicInteger waits = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final CompletableFuture<TokenSet> result;

        BackgroundPoll(DeviceAuthorization authorization) {
            Sleeper shortWait = interval -> {
                waits.incrementAndGet();
                Thread.sleep(100);
            };
            result = CompletableFuture.supplyAsync(() -> {
                try {
                    return new DeviceAuthorizationFlow().poll(authorization, stop::get, shortWait);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** Waits until the server has answered authorization_pending {@code count} times. */
        void awaitPendingAnswers(int count) throws InterruptedException {
            while (waits.get() <= count) {
                assertThat(result).as("still polling before the user decides").isNotDone();
                Thread.sleep(20);
            }
        }
    }

    private HttpResponse<String> consent(DeviceAuthorization authorization, boolean approve) throws IOException, InterruptedException {
        return browser.consent(URI.create(authorization.verificationUri() + "?user_code="
                + URLEncoder.encode(authorization.userCode(), StandardCharsets.UTF_8)), authorization.userCode(), approve, SCOPE);
    }

    private Map<String, String> authorize(AuthorizationRequestState request) throws IOException, InterruptedException {
        return browser.authorize(request.authorizationUrl(), REDIRECT_URI);
    }

    private boolean active(String token) throws Exception {
        return EmbeddedAuthorizationServer.active(issuer, token);
    }
}
