package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Answers a real server will not give on demand, from a scripted server on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptedServerFlowsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private ScriptedServer server;

    @BeforeAll
    void start() throws IOException {
        server = new ScriptedServer();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void refreshKeepsTheOldRefreshTokenWhenTheServerIssuesNoNewOne() {
        server.queue(200, "{\"access_token\":\"at-2\",\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"a b\"}");

        TokenSet tokens = new TokenRefresh(CLOCK).refresh(server.endpoints(), "cli", "rt-1",
                URI.create("https://api.example.com/"));

        assertThat(tokens).isEqualTo(new TokenSet("at-2", "rt-1", NOW.plusSeconds(60), "Bearer", "a b"));
        assertThat(server.requests()).singleElement().asString()
                .startsWith("/token ")
                .contains("grant_type=refresh_token", "refresh_token=rt-1", "client_id=cli",
                        "resource=https%3A%2F%2Fapi.example.com%2F")
                .doesNotContain("client_secret");
    }

    @Test
    void refreshTakesTheRotatedRefreshToken() {
        server.queue(200, "{\"access_token\":\"at-2\",\"token_type\":\"Bearer\",\"refresh_token\":\"rt-2\"}");

        TokenSet tokens = new TokenRefresh(CLOCK).refresh(server.endpoints(), "cli", "rt-1", null);

        assertThat(tokens.refreshToken()).isEqualTo("rt-2");
        assertThat(tokens.expiresAt()).as("no expires_in").isNull();
        assertThat(server.requests()).singleElement().asString().doesNotContain("resource=");
    }

    @Test
    void invalidGrantOnRefreshIsInvalidGrantException() {
        server.queue(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}");

        assertThatThrownBy(() -> new TokenRefresh(CLOCK).refresh(server.endpoints(), "cli", "rt-1", null))
                .isInstanceOf(InvalidGrantException.class)
                .hasMessage("invalid_grant: Token is not active");
    }

    @Test
    void aTokenResponseThatIsNotJsonIsAClearFailure() {
        server.queue(502, "<html>bad gateway</html>");

        assertThatThrownBy(() -> new TokenRefresh(CLOCK).refresh(server.endpoints(), "cli", "rt-1", null))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("502")
                .extracting(e -> ((OAuthException) e).error()).isNull();
    }

    @Test
    void theResourceIndicatorGoesInBothTheAuthorizationAndTheTokenRequest() {
        URI resource = URI.create("https://mcp.example.com/");
        AuthorizationRequestState request = new AuthorizationCodeFlow(CLOCK).start(server.endpoints(), "cli",
                List.of("openid"), URI.create("http://127.0.0.1:4711/cb"), resource);
        assertThat(request.authorizationUrl().getRawQuery()).contains("resource=https%3A%2F%2Fmcp.example.com%2F");
        server.queue(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}");

        new AuthorizationCodeFlow(CLOCK).exchange(request, Map.of("state", request.state(), "code", "c-1"));

        assertThat(server.requests()).singleElement().asString()
                .contains("grant_type=authorization_code", "code=c-1", "code_verifier=",
                        "resource=https%3A%2F%2Fmcp.example.com%2F");
    }

    @Test
    void aResponseFromAnotherIssuerIsRefused() {
        AuthorizationRequestState request = new AuthorizationCodeFlow(CLOCK).start(server.endpoints(), "cli",
                List.of("openid"), URI.create("http://127.0.0.1:4711/cb"), null);

        assertThatThrownBy(() -> new AuthorizationCodeFlow(CLOCK).exchange(request,
                Map.of("state", request.state(), "code", "c-1", "iss", "https://evil.example.com")))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("https://evil.example.com");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aServerWithoutS256IsRefused() {
        OAuthEndpoints plainOnly = new OAuthEndpoints(null, server.base().resolve("/authorize"),
                server.base().resolve("/token"), null, null, null, List.of("plain"));

        assertThatThrownBy(() -> new AuthorizationCodeFlow(CLOCK).start(plainOnly, "cli", List.of("openid"),
                URI.create("http://127.0.0.1:4711/cb"), null))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("S256");
    }

    @Test
    void revocationFailureCarriesTheServersError() {
        server.queue(400, "{\"error\":\"unsupported_token_type\"}");

        assertThatThrownBy(() -> new TokenRevocation().revoke(server.endpoints(), "cli", "at-1", false))
                .isInstanceOf(OAuthException.class)
                .hasMessage("unsupported_token_type");
        assertThat(server.requests()).singleElement().asString()
                .startsWith("/revoke ").contains("token=at-1", "token_type_hint=access_token", "client_id=cli");
    }

    @Test
    void onlyHttpEndpointsAreAccepted() {
        assertThatThrownBy(() -> new AuthorizationServerDiscovery().discover(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizationServerDiscovery.explicit(null, URI.create("ftp://h/token"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wellKnownUrls() {
        assertThat(AuthorizationServerDiscovery.authorizationServerMetadataUrl(URI.create("https://h/p/q/")))
                .hasToString("https://h/.well-known/oauth-authorization-server/p/q");
        assertThat(AuthorizationServerDiscovery.authorizationServerMetadataUrl(URI.create("https://h:8443")))
                .hasToString("https://h:8443/.well-known/oauth-authorization-server");
        assertThat(AuthorizationServerDiscovery.openIdConfigurationUrl(URI.create("https://h/p/")))
                .hasToString("https://h/p/.well-known/openid-configuration");
    }
}
