package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one value a one-time loopback form accepts ({@link ApiKeyPage}, {@link CodeEntryPage}).
 *
 * <p>The browser's answer page is written in full before {@link #value()} completes: whoever
 * waits for the value closes the page's {@link LoopbackHttpServer} as soon as it has it, which
 * would otherwise cut the browser's connection before the answer reaches it.
 */
final class OneTimeAnswer<T> {

    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<T> value = new CompletableFuture<>();

    /** Completes once a value is accepted and answered; with a {@link CancellationException} on {@link #cancel}. */
    CompletableFuture<T> value() {
        return value;
    }

    /** True once a value was accepted or the page was closed: every request is then answered {@link #expired}. */
    boolean spent() {
        return taken.get() || value.isDone();
    }

    /**
     * Takes {@code accepted} unless a value was taken before (then answers {@link #expired}):
     * answers the browser with {@code title} and {@code message}, then completes {@link #value()},
     * even if the browser went away meanwhile.
     */
    void accept(HttpExchange exchange, T accepted, String title, String message) throws IOException {
        if (!taken.compareAndSet(false, true)) {
            expired(exchange);
            return;
        }
        try {
            Responses.page(exchange, 200, title, message);
        } finally {
            value.complete(accepted);
        }
    }

    /** Ends the wait for a value that never came; no effect once one was accepted. */
    void cancel(String reason) {
        value.completeExceptionally(new CancellationException(reason));
    }

    static void expired(HttpExchange exchange) throws IOException {
        Responses.page(exchange, 410, "Page expired", "This page has already been used. You can close this tab.");
    }
}
