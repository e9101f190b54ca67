package dev.acp4j.auth.oauth;

import java.time.Instant;

/**
 * The short-lived API token a {@link TokenExchange} answered.
 *
 * @param token      the API token
 * @param expiresAt  when it stops working, or null when the answer did not say
 * @param apiBaseUrl the API base URL the answer named, or null
 */
public record ExchangedToken(String token, Instant expiresAt, String apiBaseUrl) {

    @Override
    public String toString() {
        return "ExchangedToken[token=<redacted>, expiresAt=" + expiresAt + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
