package dev.acp4j.auth.interaction;

import dev.acp4j.jsonrpc.CancellationToken;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Waits for the user to finish an interactive sign-in: the first of the flow's result, a
 * decline in the client, the request's cancellation, or the timeout.
 */
public final class Interaction {

    private Interaction() {
    }

    /**
     * The flow's result, unless the user declines, the request is cancelled or {@code timeout} passes first.
     *
     * @param <T> the flow's result type
     * @param flow the sign-in flow, completing with its result
     * @param elicitation how the user was sent to the URL; completed or abandoned when the wait ends
     * @param cancellation the request's cancellation
     * @param timeout how long to wait
     * @param failure turns a decline or a timeout into the error to answer with
     * @return the flow's result
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public static <T> T await(CompletableFuture<T> flow, UserPrompt elicitation, CancellationToken cancellation,
                       Duration timeout, Function<Throwable, ? extends RuntimeException> failure)
            throws InterruptedException {
        CompletableFuture<T> first = new CompletableFuture<>();
        flow.whenComplete((value, error) -> {
            if (error == null) {
                first.complete(value);
            } else {
                first.completeExceptionally(error);
            }
        });
        elicitation.declined().whenComplete((ignored, error) -> first.completeExceptionally(
                error == null ? new IllegalStateException("elicitation ended") : unwrap(error)));
        cancellation.onCancel(() -> first.completeExceptionally(new CancellationException("authenticate cancelled")));
        try {
            return first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            elicitation.abandon();
            throw failure.apply(e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            elicitation.abandon();
            if (cause instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw failure.apply(cause);
        } catch (InterruptedException e) {
            elicitation.abandon();
            throw e;
        }
    }

    /**
     * A wait as people say it: {@code 5 minutes}, {@code 1 minute}, {@code 45 seconds}, {@code 90 seconds}.
     *
     * @param wait the duration
     * @return the words
     */
    public static String describe(Duration wait) {
        long seconds = wait.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " minute" + (seconds == 60 ? "" : "s")
                : seconds + " second" + (seconds == 1 ? "" : "s");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
