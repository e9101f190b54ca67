package dev.acp4j.auth.interaction;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the user to a URL by opening it in their browser, for clients without URL elicitation.
 * The URL is logged on stderr (it carries no secret: a one-time page or an authorization request).
 * The wait ends as for an elicitation, except that there is no decline: an opener that fails to
 * start or exits with a failure ends it at once.
 */
public final class BrowserPrompt implements UserPrompt {

    private static final Logger log = LoggerFactory.getLogger(BrowserPrompt.class);

    private final CompletableFuture<Void> failed = new CompletableFuture<>();

    private BrowserPrompt() {
    }

    /**
     * Opens {@code url}; {@code message} says what the page is for.
     *
     * @param browser the browser to open it in
     * @param url the page to open
     * @param message what the page is for
     * @return the prompt
     */
    public static BrowserPrompt open(Browser browser, URI url, String message) {
        BrowserPrompt prompt = new BrowserPrompt();
        log.info("{} Opening it in the browser ({}): {}", message, browser.program(), url);
        try {
            Process process = browser.open(url);
            process.onExit().thenAccept(exited -> {
                if (exited.exitValue() != 0) {
                    prompt.failed.completeExceptionally(new Browser.OpenFailedException(
                            "the browser opener '" + browser.program() + "' exited with status " + exited.exitValue()));
                }
            });
        } catch (Browser.OpenFailedException e) {
            prompt.failed.completeExceptionally(e);
        }
        return prompt;
    }

    @Override
    public CompletableFuture<Void> declined() {
        return failed;
    }

    @Override
    public void complete() {
        log.info("sign-in in the browser finished");
    }

    @Override
    public void abandon() {
        // the page or listener closes with the flow; a browser tab is the user's to close
    }
}
