package dev.acp4j.auth.oauth;

/**
 * A token exchange that gave no API token. {@link #refused()} when the endpoint answered 4xx (the
 * OAuth token, or the account, is not accepted: a new sign-in may help); otherwise the endpoint
 * could not be reached or answered something unusable. The message names the endpoint without
 * its query and never carries a token.
 */
public final class TokenExchangeException extends OAuthException {

    /** The HTTP status, or 0. */
    private final int status;

    TokenExchangeException(int status, String message, Throwable cause) {
        super(null, message, cause);
        this.status = status;
    }

    /** {@return the HTTP status, or 0 when there was no HTTP answer} */
    public int status() {
        return status;
    }

    /** {@return whether the endpoint answered 4xx: it does not accept this OAuth token (or this account)} */
    public boolean refused() {
        return status >= 400 && status < 500;
    }
}
