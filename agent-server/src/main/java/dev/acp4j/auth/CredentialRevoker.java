package dev.acp4j.auth;

import dev.acp4j.auth.store.StoredCredential;
import java.util.Collection;

/** Revokes tokens at their authorization server before they are erased (RFC 7009). */
@FunctionalInterface
public interface CredentialRevoker {

    /** For credentials that cannot be revoked (API keys). */
    CredentialRevoker NONE = credentials -> {
    };

    /**
     * Revokes the OAuth tokens of {@code credentials} at their servers (RFC 7009).
     * Best effort: a failure is logged (never with the token) and does not stop the logout.
     *
     * @param credentials the credentials being erased; those without a revocation endpoint are skipped
     */
    void revokeAll(Collection<StoredCredential> credentials);
}
