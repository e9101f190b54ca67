package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The cross-site defence of a one-time loopback form ({@link ApiKeyPage}, {@link CodeEntryPage}):
 * a token sent both in a hidden field and in a {@code SameSite=Strict}, {@code HttpOnly} cookie
 * scoped to the page's path (both must equal the page's token), and a foreign {@code Origin}
 * refused. Log lines name the page and the refusal, never the data.
 */
final class CsrfForm {

    static final String CSRF_FIELD = "csrf";
    static final String CSRF_COOKIE = "acp4j_csrf";

    private final String path;
    private final String pageName;
    private final Logger log;
    private final String csrfToken = Tokens.random();

    /**
     * @param path     the page's path (the cookie's scope and the form's action)
     * @param pageName how log lines name the page, e.g. {@code "API key page"}
     */
    CsrfForm(String path, String pageName, Logger log) {
        this.path = path;
        this.pageName = pageName;
        this.log = log;
    }

    /** Sets the token's cookie on the answer; returns the form's opening tag and hidden token field. */
    String open(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Set-Cookie",
                CSRF_COOKIE + "=" + csrfToken + "; Path=" + path + "; SameSite=Strict; HttpOnly");
        return "<form method=\"post\" action=\"" + path + "\" autocomplete=\"off\">"
                + "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + csrfToken + "\">";
    }

    /**
     * The fields of a POST that passes every check; otherwise the refusal has been answered
     * (403, 415, 413, 400) and the result is null.
     *
     * @param tooLarge what a 413 page says
     */
    Map<String, String> submitted(HttpExchange exchange, int maxBodyBytes, String tooLarge) throws IOException {
        if (!fromThisPage(exchange)) {
            log.warn("{}: refused a submission from another site", pageName);
            Responses.page(exchange, 403, "Forbidden", "This form was sent from another site and was ignored.");
            return null;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            Responses.page(exchange, 415, "Unsupported form", "The form was sent in an unexpected format.");
            return null;
        }
        byte[] body = Responses.bodyUpTo(exchange, maxBodyBytes);
        if (body == null) {
            Responses.page(exchange, 413, "Too large", tooLarge);
            return null;
        }
        Map<String, String> form;
        try {
            form = UrlEncoded.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            Responses.page(exchange, 400, "Bad request", "The form could not be read.");
            return null;
        }
        if (!Tokens.same(form.get(CSRF_FIELD), csrfToken) || !hasCsrfCookie(exchange)) {
            log.warn("{}: refused a submission without a valid form token", pageName);
            Responses.page(exchange, 403, "Forbidden", "This form has expired. Reload the page and try again.");
            return null;
        }
        return form;
    }

    /**
     * A browser sends {@code Origin} with every form POST. This page's own origin, or
     * {@code null}: its {@code Referrer-Policy: no-referrer} makes browsers send {@code null}
     * for its own form (Fetch standard, "append a request Origin header"). A page at an
     * opaque origin still cannot produce the token, nor the strict cookie.
     */
    private static boolean fromThisPage(HttpExchange exchange) {
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
}
