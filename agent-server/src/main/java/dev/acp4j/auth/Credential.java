package dev.acp4j.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A credential an agent may use to call its provider: an API key or an OAuth access token, with
 * what the provider's API needs besides it. Send {@link #secret()} (for an access token, as
 * {@code Authorization: Bearer SECRET}) and every one of {@link #headers()} to the API at
 * {@code attribute(Credential.API_BASE_URL)} when there is one. {@link #toString()} never shows
 * the secret, nor the headers' values.
 *
 * @param provider   whose credential it is, e.g. {@code openai}
 * @param kind       what {@code secret} is
 * @param source     where it came from, e.g. {@code env ACP4J_API_KEY} or {@code stored acp4j-key-page}
 * @param secret     the API key or access token; for an {@code oauth2} method with an
 *                   {@code exchange}, the exchanged short-lived API token (renewed when less than
 *                   five minutes remain), never the OAuth token it was exchanged for
 * @param expiresAt  when {@code secret} stops working, or null when unknown or never
 * @param headers    headers the provider's API requires with this credential (an {@code oauth2}
 *                   method's {@code headers}); empty for none
 * @param attributes non-secret details for agent code, e.g. {@link #API_BASE_URL}; empty for none
 */
public record Credential(String provider, Kind kind, String source, String secret, Instant expiresAt,
                         Map<String, String> headers, Map<String, String> attributes) {

    /**
     * The attribute naming the provider's API base URL: the method's {@code apiBaseUrl}, or the
     * one its token exchange answered ({@code apiBaseUrlField}).
     */
    public static final String API_BASE_URL = "apiBaseUrl";

    /** What the secret is. */
    public enum Kind {
        /** An API key, sent as the provider's API requires. */
        API_KEY,
        /** An OAuth 2 access token (RFC 6749), sent as {@code Authorization: Bearer} (RFC 6750). */
        ACCESS_TOKEN
    }

    /**
     * Copies the maps; null reads as empty.
     *
     * @param provider   whose credential it is, e.g. {@code openai}
     * @param kind       what {@code secret} is
     * @param source     where it came from, e.g. {@code env ACP4J_API_KEY} or {@code stored acp4j-key-page}
     * @param secret     the API key or access token
     * @param expiresAt  when {@code secret} stops working, or null when unknown or never
     * @param headers    headers the provider's API requires with this credential; null for none
     * @param attributes non-secret details for agent code, e.g. {@link #API_BASE_URL}; null for none
     */
    public Credential {
        headers = copy(headers);
        attributes = copy(attributes);
    }

    /**
     * A credential with no headers and no attributes.
     *
     * @param provider   whose credential it is, e.g. {@code openai}
     * @param kind       what {@code secret} is
     * @param source     where it came from, e.g. {@code env ACP4J_API_KEY}
     * @param secret     the API key or access token
     * @param expiresAt  when {@code secret} stops working, or null when unknown or never
     */
    public Credential(String provider, Kind kind, String source, String secret, Instant expiresAt) {
        this(provider, kind, source, secret, expiresAt, Map.of(), Map.of());
    }

    /**
     * A non-secret detail, e.g. {@code attribute(Credential.API_BASE_URL)}.
     *
     * @param name the attribute's name
     * @return its value, or empty when this credential has none
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    @Override
    public String toString() {
        return "Credential[provider=" + provider + ", kind=" + kind + ", source=" + source
                + ", secret=<redacted>, expiresAt=" + expiresAt + ", headers=" + headers.keySet()
                + ", attributes=" + attributes + "]";
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
