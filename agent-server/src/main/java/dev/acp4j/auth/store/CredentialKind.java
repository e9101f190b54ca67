package dev.acp4j.auth.store;

/** What a stored secret is. */
public enum CredentialKind {
    /** A long-lived API key pasted or configured by the user. */
    API_KEY,
    /** An OAuth 2.0 access token, usually with a refresh token and an expiry. */
    OAUTH2
}
