package dev.acp4j.auth;

import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.web.CodeEntryPage;
import dev.acp4j.jsonrpc.CancellationToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where the user pastes the authorization code that a provider's own redirect page shows
 * ({@code "codeEntry": "paste"}): a one-time page on 127.0.0.1 in the editor ({@link #page}), the
 * hidden prompt of {@code --login} on the terminal. Either way the code never crosses ACP.
 */
@FunctionalInterface
public interface CodeEntry {

    /**
     * Sends the user to sign in at {@code authorizationUrl} and waits for the code.
     *
     * @param authorizationUrl the authorization server's URL to sign in at
     * @param message who asks the user to sign in, and why
     * @param check   given a pasted value: null when this sign-in accepts it, else why not, for the
     *                user (never quoting the value); a refused value may be followed by another
     * @return the accepted value as pasted, and the prompt to complete once the code is redeemed
     * @throws InterruptedException when the thread is interrupted while waiting
     * @throws RuntimeException the caller's failure for a decline, a timeout or no code given
     */
    Entered await(URI authorizationUrl, String message, Function<String, String> check) throws InterruptedException;

    /**
     * A pasted value a check accepted.
     *
     * @param pasted the value as pasted (a secret until it is redeemed)
     * @param prompt completed after the token request, abandoned if it fails
     */
    record Entered(String pasted, UserPrompt prompt) {
        @Override
        public String toString() {
            return "Entered[pasted=<redacted>]";
        }
    }

    /**
     * The editor's way: a one-time {@link CodeEntryPage} linking to the authorization URL, reached
     * through {@code prompt} (a URL elicitation, or the browser the agent opens); it waits as an
     * elicitation does (decline, cancellation, {@code timeout}: {@code failure}).
     *
     * @param title the agent's name, as the page shows it
     * @param prompt sends the user to a URL with a message
     * @param cancellation ends the wait when the request is cancelled
     * @param timeout how long to wait for the code
     * @param failure turns a decline, a cancellation or a timeout into what to throw
     * @return the code entry
     */
    static CodeEntry page(String title, BiFunction<URI, String, UserPrompt> prompt, CancellationToken cancellation,
                          Duration timeout, Function<Throwable, ? extends RuntimeException> failure) {
        return (authorizationUrl, message, check) -> {
            String explanation = "Sign in with the link below. The provider's page then shows a code: paste it here."
                    + " It goes straight to this computer, never through the editor.";
            try (CodeEntryPage page = CodeEntryPage.open(title, explanation, authorizationUrl, check)) {
                UserPrompt user = prompt.apply(page.url(), message + " Open this local page: it links to the sign-in"
                        + " and takes the code the provider shows; the code never passes through the editor.");
                return new Entered(Interaction.await(page.code(), user, cancellation, timeout, failure), user);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the local page for the sign-in code", e);
            }
        };
    }
}
