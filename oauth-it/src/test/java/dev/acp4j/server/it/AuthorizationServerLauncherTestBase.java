package dev.acp4j.server.it;

import dev.acp4j.auth.oauth.EmbeddedAuthorizationServer;
import dev.acp4j.auth.oauth.SignedInBrowser;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Launcher tests against one embedded Spring Authorization Server per test class, with a user
 * already signed in to it in a scripted browser.
 */
abstract class AuthorizationServerLauncherTestBase extends LauncherTestBase {

    /** Client capabilities of a client that can open URLs for the user. */
    static final Map<String, Object> URL_CLIENT = Map.of("elicitation", Map.of("url", Map.of()));

    private static ConfigurableApplicationContext authorizationServer;
    static URI base;
    static URI issuer;
    static SignedInBrowser browser;

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        authorizationServer = EmbeddedAuthorizationServer.start();
        base = EmbeddedAuthorizationServer.baseUri(authorizationServer);
        issuer = URI.create(base + "/tenant");
        browser = SignedInBrowser.signIn(base);
    }

    @AfterAll
    static void stopAuthorizationServer() {
        authorizationServer.close();
    }
}
