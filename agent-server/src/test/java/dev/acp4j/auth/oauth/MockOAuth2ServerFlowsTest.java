package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The OAuth flows against a real mock-oauth2-server on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockOAuth2ServerFlowsTest {

    private static final String CLIENT_ID = "acp4j-test";
    private static final List<String> SCOPES = List.of("openid", "offline_access");

    private final MockOAuth2Server server = new MockOAuth2Server(rfc8414PathInsertionRoute());
    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private URI issuer;
    private URI redirectUri;

    /**
     * mock-oauth2-server serves RFC 8414 metadata only at the appended path; this route serves that same
     * document at the path-inserted URL of a second issuer-shaped path, {@code /inserted}, by fetching the
     * server's own metadata for issuer {@code /inserted} from the appended URL.
     */
    private Route rfc8414PathInsertionRoute() {
        return new Route.Builder().get(new String[] {"/.well-known/oauth-authorization-server/inserted"}, request -> {
            URI own = URI.create("http://127.0.0.1:" + request.getUrl().port()
                    + "/inserted/.well-known/oauth-authorization-server");
            try {
                String body = browser.send(HttpRequest.newBuilder(own).build(), HttpResponse.BodyHandlers.ofString()).body();
                return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, body, null);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).build();
    }

    @BeforeAll
    void startServer() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        issuer = URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/default");
        // Nothing listens here: the test reads the redirect's Location header instead.
        redirectUri = URI.create("http://127.0.0.1:1/callback");
    }

    @AfterAll
    void stopServer() {
        server.shutdown();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        while (poll(1) != null) {
            // drain
        }
    }

    @Test
    void discoveryTriesRfc8414PathInsertionThenFallsBackToOpenIdConfiguration() {
        OAuthEndpoints endpoints = new AuthorizationServerDiscovery().discover(issuer);

        assertThat(endpoints.issuer()).isEqualTo(issuer);
        assertThat(endpoints.authorizationEndpoint()).hasToString(issuer + "/authorize");
        assertThat(endpoints.tokenEndpoint()).hasToString(issuer + "/token");
        List<String> paths = takeAll().stream().map(RecordedRequest::getPath).toList();
        assertThat(paths).containsExactly(
                "/.well-known/oauth-authorization-server/default",
                "/default/.well-known/openid-configuration");
    }

    @Test
    void discoveryUsesTheRfc8414PathInsertedUrlFirst() {
        URI inserted = URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/inserted");

        OAuthEndpoints endpoints = new AuthorizationServerDiscovery().discover(inserted);

        assertThat(endpoints.issuer()).isEqualTo(inserted);
        assertThat(endpoints.tokenEndpoint()).hasToString(inserted + "/token");
        // The second request is the test route's own fetch; no OpenID fallback was needed.
        assertThat(takeAll().stream().map(RecordedRequest::getPath).toList()).containsExactly(
                "/.well-known/oauth-authorization-server/inserted",
                "/inserted/.well-known/oauth-authorization-server");
    }

    @Test
    void discoveryRefusesMetadataNamingAnotherIssuerAndNamesTheUrlsTried() {
        // At the root, mock-oauth2-server derives an issuer that includes the well-known path itself.
        URI root = URI.create("http://127.0.0.1:" + server.baseUrl().port());

        assertThatThrownBy(() -> new AuthorizationServerDiscovery().discover(root))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining(root + "/.well-known/oauth-authorization-server (")
                .hasMessageContaining(root + "/.well-known/openid-configuration (")
                .hasMessageContaining("not " + root);
    }

    @Test
    void discoveryFailureNamesBothUrls() {
        URI nowhere = URI.create("http://127.0.0.1:1/tenant");

        assertThatThrownBy(() -> new AuthorizationServerDiscovery().discover(nowhere))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("http://127.0.0.1:1/.well-known/oauth-authorization-server/tenant")
                .hasMessageContaining("http://127.0.0.1:1/tenant/.well-known/openid-configuration");
    }

    @Test
    void authorizationCodeWithPkceS256() throws Exception {
        OAuthEndpoints endpoints = new AuthorizationServerDiscovery().discover(issuer);
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(endpoints, CLIENT_ID, SCOPES, redirectUri, null);

        Map<String, String> authorizationQuery = QueryString.of(request.authorizationUrl());
        assertThat(request.authorizationUrl().toString()).startsWith(endpoints.authorizationEndpoint() + "?");
        assertThat(authorizationQuery)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("state", request.state())
                .containsEntry("redirect_uri", redirectUri.toString())
                .containsEntry("scope", "openid offline_access");
        assertThat(authorizationQuery.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(request.state()).hasSizeGreaterThanOrEqualTo(20);

        Map<String, String> callback = authorize(request);
        takeAll();

        TokenSet tokens = new AuthorizationCodeFlow().exchange(request, callback);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.tokenType()).isEqualToIgnoringCase("Bearer");
        assertThat(tokens.expiresAt()).isAfter(java.time.Instant.now());
        Map<String, String> form = form(takeTokenRequest());
        assertThat(form)
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("code", callback.get("code"))
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", redirectUri.toString())
                .containsKey("code_verifier")
                .doesNotContainKey("client_secret");
        assertThat(form.get("code_verifier")).matches("[A-Za-z0-9._~-]{43,128}");
        assertThat(S256.challenge(form.get("code_verifier"))).isEqualTo(authorizationQuery.get("code_challenge"));
    }

    private List<RecordedRequest> takeAll() {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = poll(200)) != null) {
            requests.add(request);
        }
        return requests;
    }

    @Test
    void exchangeRefusesAWrongStateWithoutSendingATokenRequest() throws Exception {
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(new AuthorizationServerDiscovery().discover(issuer), CLIENT_ID, SCOPES, redirectUri, null);
        Map<String, String> callback = new LinkedHashMap<>(authorize(request));
        callback.put("state", "forged");
        takeAll();

        assertThatThrownBy(() -> new AuthorizationCodeFlow().exchange(request, callback))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("state does not match");
        assertThat(takeAll()).isEmpty();
    }

    @Test
    void exchangeMapsAnErrorRedirectToOAuthException() {
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(new AuthorizationServerDiscovery().discover(issuer), CLIENT_ID, SCOPES, redirectUri, null);

        assertThatThrownBy(() -> new AuthorizationCodeFlow().exchange(request, Map.of(
                "state", request.state(), "error", "access_denied", "error_description", "The user said no")))
                .isInstanceOf(OAuthException.class)
                .hasMessage("access_denied: The user said no")
                .extracting(e -> ((OAuthException) e).error()).isEqualTo("access_denied");
    }

    @Test
    void refreshGetsANewAccessToken() throws Exception {
        OAuthEndpoints endpoints = new AuthorizationServerDiscovery().discover(issuer);
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(endpoints, CLIENT_ID, SCOPES, redirectUri, null);
        TokenSet first = new AuthorizationCodeFlow().exchange(request, authorize(request));
        assertThat(first.refreshToken()).isNotNull();
        takeAll();

        TokenSet refreshed = new TokenRefresh().refresh(endpoints, CLIENT_ID, first.refreshToken(), null);

        assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(first.accessToken());
        assertThat(refreshed.refreshToken()).isNotNull();
        Map<String, String> form = form(takeTokenRequest());
        assertThat(form)
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", first.refreshToken())
                .containsEntry("client_id", CLIENT_ID)
                .doesNotContainKey("client_secret");
    }

    @Test
    void revocationIsSentToTheAdvertisedEndpoint() {
        OAuthEndpoints endpoints = new AuthorizationServerDiscovery().discover(issuer);
        assertThat(endpoints.revocationEndpoint()).isNotNull();
        takeAll();

        boolean revoked = new TokenRevocation().revoke(endpoints, CLIENT_ID, "a-refresh-token", true);

        assertThat(revoked).isTrue();
        RecordedRequest seen = poll(2000);
        assertThat(seen.getPath()).isEqualTo(issuer.getPath() + "/revoke");
        assertThat(form(seen))
                .containsEntry("token", "a-refresh-token")
                .containsEntry("token_type_hint", "refresh_token")
                .containsEntry("client_id", CLIENT_ID);
    }

    @Test
    void revocationIsANoOpWithoutAnEndpoint() {
        OAuthEndpoints endpoints = AuthorizationServerDiscovery.explicit(
                issuer.resolve("/default/authorize"), issuer.resolve("/default/token"), null, null);
        takeAll();

        assertThat(new TokenRevocation().revoke(endpoints, CLIENT_ID, "a-token", false)).isFalse();
        assertThat(takeAll()).isEmpty();
    }

    @Test
    void theServerRefusesACodeRedeemedWithAnotherVerifier() throws Exception {
        OAuthEndpoints endpoints = new AuthorizationServerDiscovery().discover(issuer);
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(endpoints, CLIENT_ID, SCOPES, redirectUri, null);
        AuthorizationRequestState otherVerifier = new AuthorizationRequestState(request.authorizationUrl(),
                new State(request.state()), new CodeVerifier(), endpoints, CLIENT_ID, redirectUri, null);
        Map<String, String> callback = authorize(request);

        assertThatThrownBy(() -> new AuthorizationCodeFlow().exchange(otherVerifier, callback))
                .isInstanceOf(InvalidGrantException.class)
                .hasMessageContaining("code_verifier");
    }

    @Test
    void refreshWithAnUnknownRefreshTokenIsInvalidGrant() {
        OAuthEndpoints endpoints = new AuthorizationServerDiscovery().discover(issuer);

        assertThatThrownBy(() -> new TokenRefresh().refresh(endpoints, CLIENT_ID, "not-a-refresh-token", null))
                .isInstanceOf(InvalidGrantException.class)
                .satisfies(e -> assertThat(((OAuthException) e).isInvalidGrant()).isTrue())
                .hasMessageNotContaining("not-a-refresh-token");
    }

    /** Opens the authorization URL as a browser would, and returns the redirect's query parameters. */
    private Map<String, String> authorize(AuthorizationRequestState request) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(request.authorizationUrl()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("authorization endpoint status").isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectUri + "?");
        return QueryString.of(location);
    }

    private RecordedRequest takeTokenRequest() {
        for (RecordedRequest request; (request = poll(2000)) != null; ) {
            if (request.getPath().equals(issuer.getPath() + "/token")) {
                return request;
            }
        }
        throw new AssertionError("the server saw no token request");
    }

    private static Map<String, String> form(RecordedRequest request) {
        return QueryString.parse(request.getBody().readUtf8());
    }

    /** The next request the server saw, or null when none came within {@code millis}. */
    private RecordedRequest poll(long millis) {
        try {
            return server.takeRequest(millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return null;
        }
    }

}
