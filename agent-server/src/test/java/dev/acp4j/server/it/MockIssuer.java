package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OAuth 2 / OpenID authorization server (mock-oauth2-server) on 127.0.0.1, issuer {@code /default};
 * also the issuer of the {@code example} provider, for tests that refresh.
 */
final class MockIssuer implements AutoCloseable {

    final MockOAuth2Server server = new MockOAuth2Server();
    final URI issuer;

    private MockIssuer() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        issuer = URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/default");
    }

    static MockIssuer start() throws IOException {
        return new MockIssuer();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** A configuration with one oauth2 method, {@code example-oauth}, for provider {@code example}. */
    Path writeConfig(Path file) throws IOException {
        return Files.writeString(file, """
                {"authMethods": [
                  {"id": "example-oauth", "type": "oauth2", "name": "Sign in with Example", "provider": "example",
                   "issuer": "%s", "clientId": "acp4j-test", "scopes": ["openid", "offline_access"],
                   "flow": "authorization_code"}
                ]}""".formatted(issuer));
    }

    /** A stored sign-in of {@code example} that expires in 30 s (inside the refresh margin), with a real refresh token. */
    StoredCredential expiringSignIn(String accessToken) throws Exception {
        Instant now = Instant.now();
        return StoredCredential.oauth2("example", "example-oauth", accessToken, refreshToken(), now.plusSeconds(30), now,
                Map.of(OAuthSignIn.TOKEN_ENDPOINT, issuer + "/token", OAuthSignIn.CLIENT_ID, "acp4j-test"));
    }

    /** A refresh token from the server, by the authorization code flow done here. */
    private String refreshToken() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String redirect = "http://127.0.0.1:9/callback";
        URI authorize = URI.create(issuer + "/authorize?response_type=code&client_id=acp4j-test&state=s"
                + "&scope=" + URLEncoder.encode("openid offline_access", StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        String location = http.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElseThrow();
        String code = QueryString.of(URI.create(location)).get("code");
        String form = "grant_type=authorization_code&client_id=acp4j-test&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String refreshToken = AgentProcess.JSON.readTree(token.body()).path("refresh_token").asText();
        assertThat(refreshToken).as(token.body()).isNotBlank();
        return refreshToken;
    }
}
