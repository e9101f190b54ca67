package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;

/**
 * What the one-time form pages on {@code 127.0.0.1} ({@link ApiKeyPage}, {@link CodeEntryPage})
 * share: the unguessable path (anything else is 404), the {@link CsrfForm} that guards the POST,
 * the one value the page takes ({@link OneTimeAnswer}: 410 for every request after it) and the
 * {@link LoopbackHttpServer}. The page itself draws its form and judges what was submitted.
 */
final class OneTimeFormPage implements AutoCloseable {

    /** Answers a GET with the form, showing {@code problem} when a submission was refused. */
    @FunctionalInterface
    interface Form {
        void show(HttpExchange exchange, String problem) throws IOException;
    }

    /** Handles the fields of a POST that passed the CSRF checks (it accepts, or shows the form again). */
    @FunctionalInterface
    interface Submission {
        void handle(HttpExchange exchange, Map<String, String> fields) throws IOException;
    }

    private final String path = "/" + Tokens.random();
    private final String pageName;
    private final CsrfForm csrf;
    private final OneTimeAnswer<String> answer = new OneTimeAnswer<>();
    private final int maxBodyBytes;
    private final String tooLarge;
    private Form form;
    private Submission submission;
    private LoopbackHttpServer server;

    /**
     * @param pageName     how log lines and the cancellation name the page, e.g. {@code "API key page"}
     * @param maxBodyBytes the largest form body read
     * @param tooLarge     what the 413 page says
     */
    OneTimeFormPage(String pageName, Logger log, int maxBodyBytes, String tooLarge) {
        this.pageName = pageName;
        this.csrf = new CsrfForm(path, pageName, log);
        this.maxBodyBytes = maxBodyBytes;
        this.tooLarge = tooLarge;
    }

    /** Serves the page on a free port. */
    void start(Form form, Submission submission) throws IOException {
        this.form = form;
        this.submission = submission;
        this.server = LoopbackHttpServer.start(0, this::handle);
    }

    CsrfForm csrf() {
        return csrf;
    }

    OneTimeAnswer<String> answer() {
        return answer;
    }

    URI url() {
        return URI.create(server.baseUri() + path);
    }

    InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
        answer.cancel("The " + pageName + " was closed");
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (answer.spent()) {
            OneTimeAnswer.expired(exchange);
            return;
        }
        if (!path.equals(exchange.getRequestURI().getRawPath())) {
            Responses.page(exchange, 404, "Not found", "There is nothing here.");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET", "HEAD" -> form.show(exchange, null);
            case "POST" -> {
                Map<String, String> fields = csrf.submitted(exchange, maxBodyBytes, tooLarge);
                if (fields != null) {
                    submission.handle(exchange, fields);
                }
            }
            default -> Responses.methodNotAllowed(exchange, "GET, HEAD, POST");
        }
    }
}
