package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-time page on {@code 127.0.0.1} where the user pastes an API key, so that the key
 * never passes through the editor.
 *
 * <p>The page lives at an unguessable path. Its form is protected against cross-site
 * submission by a token sent both in a hidden field and in a {@code SameSite=Strict} cookie
 * (both must equal the page's token) and by refusing a foreign {@code Origin}. Once a valid
 * key is received, every request is answered {@code 410 Gone}.
 */
public final class ApiKeyPage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyPage.class);

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String CSRF_FIELD = "csrf";
    static final String KEY_FIELD = "key";
    static final String CSRF_COOKIE = "acp4j_csrf";

    private final String title;
    private final String explanation;
    private final KeyValidator validator;
    private final String path = "/" + Tokens.random();
    private final String csrfToken = Tokens.random();
    private final CompletableFuture<String> key = new CompletableFuture<>();
    private LoopbackHttpServer server;

    private ApiKeyPage(String title, String explanation, KeyValidator validator) {
        this.title = Objects.requireNonNull(title, "title");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Serves the page on a free port of {@code 127.0.0.1}. */
    public static ApiKeyPage open(String title, String explanation, KeyValidator validator) throws IOException {
        ApiKeyPage page = new ApiKeyPage(title, explanation, validator);
        page.server = LoopbackHttpServer.start(0, page::handle);
        return page;
    }

    /** {@code http://127.0.0.1:PORT/<token>}: the page to open in the user's browser. */
    public URI url() {
        return URI.create(server.baseUri() + path);
    }

    /**
     * Completes with the key (without surrounding whitespace) once a valid one is submitted;
     * completes with a {@link CancellationException} if the page is closed first.
     */
    public CompletableFuture<String> key() {
        return key;
    }

    @Override
    public void close() {
        server.close();
        key.completeExceptionally(new CancellationException("The API key page was closed"));
    }

    InetSocketAddress address() {
        return server.address();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (key.isDone()) {
            Responses.page(exchange, 410, "Page expired", "This page has already been used. You can close this tab.");
            return;
        }
        if (!path.equals(exchange.getRequestURI().getRawPath())) {
            Responses.page(exchange, 404, "Not found", "There is nothing here.");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET", "HEAD" -> form(exchange, null);
            case "POST" -> submit(exchange);
            default -> Responses.methodNotAllowed(exchange, "GET, HEAD, POST");
        }
    }

    private void submit(HttpExchange exchange) throws IOException {
        if (!fromThisPage(exchange)) {
            LOG.warn("API key page: refused a submission from another site");
            Responses.page(exchange, 403, "Forbidden", "This form was sent from another site and was ignored.");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            Responses.page(exchange, 415, "Unsupported form", "The form was sent in an unexpected format.");
            return;
        }
        byte[] body = Responses.bodyUpTo(exchange, MAX_BODY_BYTES);
        if (body == null) {
            Responses.page(exchange, 413, "Too large", "That is far too long to be an API key.");
            return;
        }
        Map<String, String> form;
        try {
            form = UrlEncoded.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            Responses.page(exchange, 400, "Bad request", "The form could not be read.");
            return;
        }
        if (!Tokens.same(form.get(CSRF_FIELD), csrfToken) || !hasCsrfCookie(exchange)) {
            LOG.warn("API key page: refused a submission without a valid form token");
            Responses.page(exchange, 403, "Forbidden", "This form has expired. Reload the page and try again.");
            return;
        }
        String submitted = Objects.requireNonNullElse(form.get(KEY_FIELD), "").strip();
        String problem = validator.validate(submitted);
        if (problem != null) {
            form(exchange, problem);
            return;
        }
        if (!key.complete(submitted)) {
            Responses.page(exchange, 410, "Page expired", "This page has already been used. You can close this tab.");
            return;
        }
        LOG.info("API key page: a key was received");
        Responses.page(exchange, 200, "Key received", "Key received — you can close this tab.");
    }

    /**
     * A browser sends {@code Origin} with every form POST. This page's own origin, or
     * {@code null}: its {@code Referrer-Policy: no-referrer} makes browsers send {@code null}
     * for its own form (Fetch standard, "append a request Origin header"). A page at an
     * opaque origin still cannot produce the token, nor the strict cookie.
     */
    private boolean fromThisPage(HttpExchange exchange) {
        List<String> origins = exchange.getRequestHeaders().get("Origin");
        if (origins == null) {
            return true;
        }
        String ours = "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
        return origins.stream().allMatch(origin -> origin.equals(ours) || origin.equals("null"));
    }

    private boolean hasCsrfCookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return false;
        }
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                int equals = cookie.indexOf('=');
                if (equals > 0 && cookie.substring(0, equals).trim().equals(CSRF_COOKIE)
                        && Tokens.same(cookie.substring(equals + 1).trim(), csrfToken)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void form(HttpExchange exchange, String problem) throws IOException {
        exchange.getResponseHeaders().set("Set-Cookie",
                CSRF_COOKIE + "=" + csrfToken + "; Path=" + path + "; SameSite=Strict; HttpOnly");
        String body = "<p>" + Html.escape(explanation) + "</p>"
                + (problem == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(problem) + "</p>")
                + "<form method=\"post\" action=\"" + path + "\" autocomplete=\"off\">"
                + "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + csrfToken + "\">"
                + "<label for=\"" + KEY_FIELD + "\">API key</label>"
                + "<input type=\"password\" id=\"" + KEY_FIELD + "\" name=\"" + KEY_FIELD + "\" required autofocus"
                + " autocomplete=\"off\" spellcheck=\"false\">"
                + "<button type=\"submit\">Save key</button></form>";
        Responses.html(exchange, 200, Html.page(title, body));
    }
}
