package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.auth.web.ApiKeyPage;
import dev.acp4j.auth.web.KeyValidator;
import dev.acp4j.jsonrpc.CancellationToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code api_key_page}: a one-time page on 127.0.0.1 where the user pastes the key, reached
 * through a request-scoped URL elicitation or the agent's own browser. The key goes from the browser to this process
 * and the credential store; it never crosses ACP.
 */
final class ApiKeyPageAuthenticator {

    private final CredentialStore store;
    private final Clock clock;
    private final Duration timeout;
    private final AuthErrors errors;
    private final AgentIdentity identity;

    ApiKeyPageAuthenticator(CredentialStore store, Clock clock, Duration timeout, AuthErrors errors, AgentIdentity identity) {
        this.identity = identity;
        this.store = store;
        this.clock = clock;
        this.timeout = timeout;
        this.errors = errors;
    }

    /** @param prompt sends the user to the page's URL with a message */
    void authenticate(AuthMethodConfig method, BiFunction<URI, String, UserPrompt> prompt, CancellationToken cancellation)
            throws InterruptedException {
        authenticate(method, prompt, cancellation, failure -> errors.interactionFailed(method, failure, timeout));
    }

    /** @param failure turns a decline, a timeout or a client's error into what to throw */
    void authenticate(AuthMethodConfig method, BiFunction<URI, String, UserPrompt> prompt, CancellationToken cancellation,
                      Function<Throwable, ? extends RuntimeException> failure) throws InterruptedException {
        String explanation = "Paste your " + method.providerName() + " API key here. It goes straight to "
                + identity.displayName() + " on this computer and is stored in its credential file; it never passes"
                + " through the editor.";
        try (ApiKeyPage page = ApiKeyPage.open(method.name(), explanation, KeyValidator.plausible(method.keyPattern()))) {
            UserPrompt user = prompt.apply(page.url(), identity.displayName() + " needs an API key (" + method.name()
                    + "). Open this local page to paste your " + method.providerName()
                    + " key; it never passes through the editor.");
            String key = Interaction.await(page.key(), user, cancellation, timeout, failure);
            store.put(new StoredCredential(method.provider(), method.id(), CredentialKind.API_KEY,
                    key, null, null, clock.instant(), Map.of()));
            user.complete();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local API-key page", e);
        }
    }
}
