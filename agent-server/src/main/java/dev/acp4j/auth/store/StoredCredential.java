package dev.acp4j.auth.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One credential in the {@link CredentialStore}.
 *
 * @param provider     the provider id, e.g. {@code openai}, or the MCP server URL
 * @param methodId     the ACP auth method that obtained it
 * @param kind         API key or OAuth 2 token
 * @param secret       the API key or the OAuth access token
 * @param refreshToken the OAuth refresh token, or {@code null}
 * @param expiresAt    when {@code secret} stops working, or {@code null} if unknown or never
 * @param storedAt     when it was obtained or last refreshed
 * @param attributes   non-secret details such as {@code tokenType}, {@code scope},
 *                     {@code clientId}, {@code tokenEndpoint}, {@code revocationEndpoint},
 *                     {@code issuer}
 */
public record StoredCredential(
        String provider,
        String methodId,
        CredentialKind kind,
        String secret,
        String refreshToken,
        Instant expiresAt,
        Instant storedAt,
        Map<String, String> attributes) {

    private static final String REDACTED = "<redacted>";

    /**
     * Checks the required fields and copies the attributes.
     *
     * @param provider     the provider id, e.g. {@code openai}, or the MCP server URL
     * @param methodId     the ACP auth method that obtained it
     * @param kind         API key or OAuth 2 token
     * @param secret       the API key or the OAuth access token
     * @param refreshToken the OAuth refresh token, or {@code null}
     * @param expiresAt    when {@code secret} stops working, or {@code null} if unknown or never
     * @param storedAt     when it was obtained or last refreshed
     * @param attributes   non-secret details; null for none
     */
    public StoredCredential {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(storedAt, "storedAt");
        TreeMap<String, String> copy = new TreeMap<>();
        if (attributes != null) {
            attributes.forEach((name, value) -> copy.put(
                    Objects.requireNonNull(name, "attribute name"),
                    Objects.requireNonNull(value, "attribute value")));
        }
        attributes = Collections.unmodifiableMap(copy);
    }

    /**
     * An API key, which never expires.
     *
     * @param provider the provider id
     * @param methodId the ACP auth method that obtained it
     * @param key the API key
     * @param storedAt when it was obtained
     * @return the credential
     */
    public static StoredCredential apiKey(String provider, String methodId, String key, Instant storedAt) {
        return new StoredCredential(provider, methodId, CredentialKind.API_KEY, key, null, null, storedAt, Map.of());
    }

    /**
     * OAuth 2 tokens from a token response (RFC 6749 section 5.1).
     *
     * @param provider the provider id, or the MCP server URL
     * @param methodId the ACP auth method that obtained them
     * @param accessToken the access token
     * @param refreshToken the refresh token, or null
     * @param expiresAt when the access token expires ({@code expires_in} after issue), or null if not said
     * @param storedAt when they were obtained
     * @param attributes non-secret details ({@code clientId}, {@code tokenEndpoint}, ...)
     * @return the credential
     */
    public static StoredCredential oauth2(String provider, String methodId, String accessToken,
            String refreshToken, Instant expiresAt, Instant storedAt, Map<String, String> attributes) {
        return new StoredCredential(provider, methodId, CredentialKind.OAUTH2, accessToken, refreshToken,
                expiresAt, storedAt, attributes);
    }

    /**
     * True when the secret has an expiry and it falls at or before {@code now + margin}.
     *
     * @param margin how long before the expiry counts
     * @param now the current instant
     * @return whether the secret expires within the margin
     */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now.plus(margin));
    }

    /**
     * As {@link #expiresWithin(Duration, Instant)}, at the clock's instant.
     *
     * @param margin how long before the expiry counts
     * @param clock the clock
     * @return whether the secret expires within the margin
     */
    public boolean expiresWithin(Duration margin, Clock clock) {
        return expiresWithin(margin, clock.instant());
    }

    /**
     * The credential after a token refresh.
     *
     * @param accessToken  the new access token
     * @param refreshToken the new refresh token, or {@code null} to keep the current one
     *                     (RFC 6749 §6: the server MAY issue a new one)
     * @param expiresAt    the new expiry, or {@code null} if the server did not say
     * @param storedAt     when the refresh happened
     * @return the refreshed credential
     */
    public StoredCredential withTokens(String accessToken, String refreshToken, Instant expiresAt,
            Instant storedAt) {
        return new StoredCredential(provider, methodId, kind, accessToken,
                refreshToken != null ? refreshToken : this.refreshToken, expiresAt, storedAt, attributes);
    }

    @Override
    public String toString() {
        Map<String, String> shownAttributes = new TreeMap<>();
        attributes.forEach((name, value) -> shownAttributes.put(name, looksSecret(name) ? REDACTED : value));
        return "StoredCredential[provider=" + provider
                + ", methodId=" + methodId
                + ", kind=" + kind
                + ", secret=" + REDACTED
                + ", refreshToken=" + (refreshToken == null ? "null" : REDACTED)
                + ", expiresAt=" + expiresAt
                + ", storedAt=" + storedAt
                + ", attributes=" + shownAttributes + "]";
    }

    // e.g. an RFC 7591 client_secret kept next to the clientId.
    private static boolean looksSecret(String attributeName) {
        String name = attributeName.toLowerCase(Locale.ROOT);
        return name.contains("secret") || name.contains("password");
    }
}
