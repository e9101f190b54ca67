package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one OAuth 2.0 authorization response (RFC 6749 §4.1.2) on a loopback redirect URI
 * (RFC 8252 §7.3).
 *
 * <p>Only a request to the redirect path whose {@code state} equals the expected one
 * completes {@link #callback()}; others are answered {@code 400} and change nothing. After
 * that, every request is answered {@code 410 Gone}, so a replayed redirect does nothing.
 */
public final class OAuthRedirectListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthRedirectListener.class);

    private final String path;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile String expectedState;
    private LoopbackHttpServer server;

    private OAuthRedirectListener(String path) {
        this.path = path;
    }

    /**
     * Listens on {@code 127.0.0.1} for the authorization response (RFC 8252 §7.3).
     *
     * @param port the port, or 0 for a free one chosen by the system
     * @param path the redirect path, e.g. {@code /callback}
     * @return the listener
     * @throws IOException when the port cannot be bound
     */
    public static OAuthRedirectListener start(int port, String path) throws IOException {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("The redirect path must start with / and have no query or fragment");
        }
        OAuthRedirectListener listener = new OAuthRedirectListener(path);
        listener.server = LoopbackHttpServer.start(port, listener::handle);
        return listener;
    }

    /**
     * {@code http://127.0.0.1:PORT/PATH}: the {@code redirect_uri} to send.
     *
     * @return the redirect URI
     */
    public URI redirectUri() {
        return URI.create(server.baseUri() + path);
    }

    /**
     * The {@code state} sent in the authorization request; until it is set, nothing is accepted.
     *
     * @param state the {@code state} value
     */
    public void expectState(String state) {
        this.expectedState = Objects.requireNonNull(state, "state");
    }

    /**
     * Completes with the query parameters of the authorization response, success or error
     * ({@code error}, {@code error_description}); with a {@link CancellationException} if the
     * listener is closed first.
     *
     * @return the query parameters, once a response with the expected state arrives
     */
    public CompletableFuture<Map<String, String>> callback() {
        return callback;
    }

    @Override
    public void close() {
        server.close();
        callback.completeExceptionally(new CancellationException("The OAuth redirect listener was closed"));
    }

    InetSocketAddress address() {
        return server.address();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (answered.get() || callback.isDone()) {
            Responses.page(exchange, 410, "Link expired", "This sign-in link has already been used.");
            return;
        }
        if (!path.equals(exchange.getRequestURI().getRawPath())) {
            Responses.page(exchange, 404, "Not found", "There is nothing here.");
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            Responses.methodNotAllowed(exchange, "GET");
            return;
        }
        Map<String, String> parameters;
        try {
            parameters = UrlEncoded.parse(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            parameters = Map.of();
        }
        if (!Tokens.same(parameters.get("state"), expectedState)) {
            LOG.warn("OAuth redirect: ignored a request without the expected state");
            Responses.page(exchange, 400, "Invalid link", "This sign-in link is not valid or has expired.");
            return;
        }
        if (!answered.compareAndSet(false, true)) {
            Responses.page(exchange, 410, "Link expired", "This sign-in link has already been used.");
            return;
        }
        // The page is written before the flow learns of the redirect: the flow closes this listener when it
        // is done, which would otherwise cut the browser's connection before the page reaches it.
        try {
            String error = parameters.get("error");
            if (error != null) {
                LOG.info("OAuth redirect: the authorization server reported an error");
                String description = parameters.getOrDefault("error_description", error);
                Responses.page(exchange, 200, "Sign-in failed", "Sign-in failed: " + description);
            } else {
                LOG.info("OAuth redirect: received");
                Responses.page(exchange, 200, "Signed in", "Signed in — you can close this tab.");
            }
        } finally {
            callback.complete(parameters);
        }
    }
}
