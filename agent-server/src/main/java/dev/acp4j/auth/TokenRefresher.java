package dev.acp4j.auth;

import dev.acp4j.auth.store.StoredCredential;
import java.util.Optional;

/**
 * Keeps a stored OAuth credential usable: returns it as is while it has time left, refreshed
 * when it is close to expiry, or empty when it cannot be used (expired with no way to refresh,
 * or the refresh was refused — the credential is then dropped).
 */
@FunctionalInterface
public interface TokenRefresher {

    /**
     * Without OAuth support: a credential counts until it expires.
     *
     * @param clock the clock expiry is judged by
     * @return a refresher that never refreshes
     */
    static TokenRefresher untilExpiry(java.time.Clock clock) {
        return (provider, credential) -> credential.expiresAt() == null || credential.expiresAt().isAfter(clock.instant())
                ? Optional.of(credential)
                : Optional.empty();
    }

    /**
     * The credential to use now: {@code credential} as is, refreshed, or empty when it cannot be used.
     *
     * @param provider the provider (or MCP key) of the credential
     * @param credential the stored credential
     * @return the usable credential, if any
     */
    Optional<StoredCredential> ensureFresh(String provider, StoredCredential credential);

    /**
     * The server refused {@code rejectedSecret} (an HTTP 401) before its expiry: refresh it now,
     * once, before any new sign-in. If the stored credential under {@code key} is no longer that
     * secret (another request or process already renewed it), that one is returned as it is.
     *
     * @param key the credential's key in the store
     * @param rejectedSecret the access token the server refused
     * @return the credential to retry with, or empty when a new sign-in is needed
     */
    default Optional<StoredCredential> refreshRejected(String key, String rejectedSecret) {
        return Optional.empty();
    }
}
