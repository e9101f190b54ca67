package dev.acp4j.auth.oauth;

/**
 * The server answered {@code invalid_grant} (RFC 6749 §5.2): the code, refresh token or device code
 * is invalid, expired or revoked. For a refresh token this means a new interactive login is needed.
 */
public class InvalidGrantException extends OAuthException {

    /**
     * An {@code invalid_grant} error.
     *
     * @param errorDescription the server's {@code error_description}, or our own explanation
     */
    public InvalidGrantException(String errorDescription) {
        super("invalid_grant", errorDescription);
    }
}
