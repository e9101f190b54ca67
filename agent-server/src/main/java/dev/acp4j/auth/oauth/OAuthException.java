package dev.acp4j.auth.oauth;

/**
 * An OAuth 2 failure: an error response from the authorization server (RFC 6749 §4.1.2.1, §5.2,
 * RFC 8628 §3.5, RFC 7009 §2.2.1), or a failure to talk to it. The message never contains a
 * token, an authorization code, a code verifier or a device code.
 */
public class OAuthException extends RuntimeException {

    /** The OAuth {@code error} code, or null. */
    private final String error;
    /** The server's {@code error_description}, or our own explanation. */
    private final String errorDescription;

    /**
     * @param error            the OAuth {@code error} code, or null when the failure did not come
     *                         from the server as an OAuth error (unreachable, unparsable, state mismatch)
     * @param errorDescription the server's {@code error_description}, or our own explanation
     */
    public OAuthException(String error, String errorDescription) {
        this(error, errorDescription, null);
    }

    /**
     * As {@link #OAuthException(String, String)}, with the failure's cause.
     *
     * @param error the OAuth {@code error} code, or null
     * @param errorDescription the server's {@code error_description}, or our own explanation
     * @param cause the cause, or null
     */
    public OAuthException(String error, String errorDescription, Throwable cause) {
        super(message(error, errorDescription), cause);
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** {@return the OAuth {@code error} code, or null when the failure was not an OAuth error response} */
    public String error() {
        return error;
    }

    /** {@return the {@code error_description}, or null} */
    public String errorDescription() {
        return errorDescription;
    }

    /** {@return whether the server answered {@code invalid_grant} (RFC 6749 §5.2): a new sign-in is needed} */
    public boolean isInvalidGrant() {
        return "invalid_grant".equals(error);
    }

    private static String message(String error, String description) {
        if (error == null) {
            return description == null ? "OAuth failure" : description;
        }
        return description == null ? error : error + ": " + description;
    }
}
