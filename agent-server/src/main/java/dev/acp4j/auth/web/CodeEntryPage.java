package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-time page on {@code 127.0.0.1} for a provider whose redirect page shows the
 * authorization code instead of redirecting to this computer: it links to the authorization URL
 * (opened in a new tab) and has a field where the user pastes the code, so that the code never
 * passes through the editor.
 *
 * <p>The same defences as {@link ApiKeyPage}: an unguessable path, the {@link CsrfForm} token in a
 * hidden field and a {@code SameSite=Strict} cookie, a foreign {@code Origin} refused, the
 * {@link LoopbackHttpServer}'s Host check and the {@link Responses} headers. A value the check
 * refuses (e.g. a code from another sign-in) shows the form again with the reason, so the user
 * can paste another; once one is accepted, every request is answered {@code 410 Gone}. The browser
 * gets its whole answer before {@link #code()} completes ({@link OneTimeAnswer}).
 */
public final class CodeEntryPage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CodeEntryPage.class);

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String CODE_FIELD = "code";

    private final String title;
    private final String explanation;
    private final URI authorizationUrl;
    private final Function<String, String> check;
    private final OneTimeFormPage page = new OneTimeFormPage("code page", LOG, MAX_BODY_BYTES,
            "That is far too long to be a sign-in code.");

    private CodeEntryPage(String title, String explanation, URI authorizationUrl, Function<String, String> check) {
        this.title = Objects.requireNonNull(title, "title");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.authorizationUrl = Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * Serves the page on a free port of {@code 127.0.0.1}.
     *
     * @param title the agent's name, as the page shows it
     * @param explanation what the user does
     * @param authorizationUrl where the user signs in (the page links to it)
     * @param check            given what was pasted, null to accept it, else a message for the user
     *                         (which must not quote the value)
     * @return the page, serving
     * @throws IOException when no port can be bound
     */
    public static CodeEntryPage open(String title, String explanation, URI authorizationUrl,
                                     Function<String, String> check) throws IOException {
        CodeEntryPage page = new CodeEntryPage(title, explanation, authorizationUrl, check);
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
     * Completes with what was pasted, as submitted, once the check accepts it (after the
     * browser got its answer); completes with a {@link CancellationException} if the page is
     * closed first.
     *
     * @return the pasted value, once accepted
     */
    public CompletableFuture<String> code() {
        return page.answer().value();
    }

    @Override
    public void close() {
        page.close();
    }

    private void submit(HttpExchange exchange, Map<String, String> form) throws IOException {
        String submitted = Objects.requireNonNullElse(form.get(CODE_FIELD), "");
        String problem = check.apply(submitted);
        if (problem != null) {
            LOG.info("code page: refused a pasted value: {}", problem);
            form(exchange, problem);
            return;
        }
        LOG.info("code page: a code was received");
        page.answer().accept(exchange, submitted, "Code received",
                "Code received — you can close this tab and go back to the editor.");
    }

    private void form(HttpExchange exchange, String problem) throws IOException {
        String host = authorizationUrl.getHost() == null ? "the provider" : authorizationUrl.getHost();
        String body = "<p>" + Html.escape(explanation) + "</p>"
                + "<p>1. <a href=\"" + Html.escape(authorizationUrl.toString())
                + "\" target=\"_blank\" rel=\"noopener noreferrer\">Sign in at " + Html.escape(host)
                + "</a> (opens in a new tab). When you are done, it shows a code.</p>"
                + (problem == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(problem) + "</p>")
                + page.csrf().open(exchange)
                + "<label for=\"" + CODE_FIELD + "\">2. Paste the code here</label>"
                + "<input type=\"password\" id=\"" + CODE_FIELD + "\" name=\"" + CODE_FIELD + "\" required autofocus"
                + " autocomplete=\"off\" spellcheck=\"false\">"
                + "<button type=\"submit\">Sign in</button></form>";
        Responses.html(exchange, 200, Html.page(title, body));
    }
}
