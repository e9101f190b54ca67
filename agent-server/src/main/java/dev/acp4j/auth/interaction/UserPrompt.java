package dev.acp4j.auth.interaction;

import java.util.concurrent.CompletableFuture;

/**
 * How an interactive sign-in sends the user to a URL: a URL elicitation in the client, or a
 * line on the terminal for {@code --login}.
 */
public interface UserPrompt {

    /**
     * Fails when the user declines or cancels; never completes normally.
     *
     * @return a future that fails with the decline
     */
    CompletableFuture<Void> declined();

    /** The flow behind the URL finished. */
    void complete();

    /** The sign-in was given up (timeout, cancellation). */
    void abandon();

    /**
     * A prompt already shown where the user cannot decline it and nothing needs closing, such as
     * a URL printed on the terminal.
     *
     * @return the prompt
     */
    static UserPrompt shown() {
        return new UserPrompt() {
            @Override
            public CompletableFuture<Void> declined() {
                return new CompletableFuture<>();
            }

            @Override
            public void complete() {
            }

            @Override
            public void abandon() {
            }
        };
    }
}
