package dev.acp4j.auth;

import java.time.Instant;

/**
 * A credential an agent may use to call its provider: an API key or an OAuth access token.
 * {@link #toString()} never shows the secret.
 *
 * @param source where it came from, e.g. {@code env ACP4J_API_KEY} or {@code stored acp4j-key-page}
 */
public record Credential(String provider, Kind kind, String source, String secret, Instant expiresAt) {

    /** What the secret is. */
    public enum Kind { API_KEY, ACCESS_TOKEN }

    @Override
    public String toString() {
        return "Credential[provider=" + provider + ", kind=" + kind + ", source=" + source
                + ", secret=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
