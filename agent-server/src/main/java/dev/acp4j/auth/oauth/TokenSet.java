package dev.acp4j.auth.oauth;

import java.time.Duration;
import java.time.Instant;

/**
 * The tokens a token endpoint issued (RFC 6749 §5.1).
 *
 * @param accessToken  the access token
 * @param refreshToken the refresh token, or null when none was issued
 * @param expiresAt    when the access token expires, or null when the server did not say
 * @param tokenType    the token type, e.g. {@code Bearer}
 * @param scope        the granted scope (space-separated), or null when the server did not say
 */
public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, String tokenType, String scope) {

    /**
     * Requires an access token.
     *
     * @param accessToken  the access token
     * @param refreshToken the refresh token, or null when none was issued
     * @param expiresAt    when the access token expires, or null when the server did not say
     * @param tokenType    the token type, e.g. {@code Bearer}
     * @param scope        the granted scope (space-separated), or null when the server did not say
     */
    public TokenSet {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new IllegalArgumentException("accessToken is required");
        }
    }

    /**
     * Whether the access token expires within {@code margin} of {@code now} (false when its expiry is unknown).
     *
     * @param margin how long before the expiry counts
     * @param now the current instant
     * @return whether it expires within the margin
     */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=<redacted>, refreshToken=" + (refreshToken == null ? "null" : "<redacted>")
                + ", expiresAt=" + expiresAt + ", tokenType=" + tokenType + ", scope=" + scope + "]";
    }
}
