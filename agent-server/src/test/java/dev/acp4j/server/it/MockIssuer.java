package dev.acp4j.server.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/** A real OAuth 2 / OpenID authorization server (mock-oauth2-server) on 127.0.0.1, issuer {@code /default}. */
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
}
