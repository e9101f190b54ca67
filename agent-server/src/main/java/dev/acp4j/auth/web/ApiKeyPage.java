package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * (both must equal the page's token) and by refusing a foreign {@code Origin} ({@link CsrfForm}). Once a valid
 * key is received, every request is answered {@code 410 Gone}. The browser gets its whole answer before
 * {@link #key()} completes ({@link OneTimeAnswer}).
 */
public final class ApiKeyPage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyPage.class);

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String KEY_FIELD = "key";

    private final String title;
    private final String explanation;
    private final KeyValidator validator;
    private final OneTimeFormPage page = new OneTimeFormPage("API key page", LOG, MAX_BODY_BYTES,
            "That is far too long to be an API key.");

    private ApiKeyPage(String title, String explanation, KeyValidator validator) {
        this.title = Objects.requireNonNull(title, "title");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Serves the page on a free port of {@code 127.0.0.1}.
     *
     * @param title the agent's name, as the page shows it
     * @param explanation what the key is for
     * @param validator decides which submitted keys are accepted
     * @return the page, serving
     * @throws IOException when no port can be bound
     */
    public static ApiKeyPage open(String title, String explanation, KeyValidator validator) throws IOException {
        ApiKeyPage page = new ApiKeyPage(title, explanation, validator);
        page.page.start(page::form, page::submit);
        return page;
    }

    /**
     * {@code http://127.0.0.1:PORT/<token>}: the page to open in the user's browser.
     *
     * @return the URL
     */
    public URI url() {
        return page.url();
    }

    /**
     * Completes with the key (without surrounding whitespace) once a valid one is submitted
     * (after the browser got its answer); completes with a {@link CancellationException} if the
     * page is closed first.
     *
     * @return the key, once submitted
     */
    public CompletableFuture<String> key() {
        return page.answer().value();
    }

    @Override
    public void close() {
        page.close();
    }

    InetSocketAddress address() {
        return page.address();
    }

    private void submit(HttpExchange exchange, Map<String, String> form) throws IOException {
        String submitted = Objects.requireNonNullElse(form.get(KEY_FIELD), "").strip();
        String problem = validator.validate(submitted);
        if (problem != null) {
            form(exchange, problem);
            return;
        }
        LOG.info("API key page: a key was received");
        page.answer().accept(exchange, submitted, "Key received", "Key received — you can close this tab.");
    }

    private void form(HttpExchange exchange, String problem) throws IOException {
        String body = "<p>" + Html.escape(explanation) + "</p>"
                + (problem == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(problem) + "</p>")
                + page.csrf().open(exchange)
                + "<label for=\"" + KEY_FIELD + "\">API key</label>"
                + "<input type=\"password\" id=\"" + KEY_FIELD + "\" name=\"" + KEY_FIELD + "\" required autofocus"
                + " autocomplete=\"off\" spellcheck=\"false\">"
                + "<button type=\"submit\">Save key</button></form>";
        Responses.html(exchange, 200, Html.page(title, body));
    }
}
