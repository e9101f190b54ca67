package dev.acp4j.auth;

import dev.acp4j.auth.store.StoredCredential;
import java.util.Collection;

/** Revokes tokens at their authorization server before they are erased (RFC 7009). */
@FunctionalInterface
public interface CredentialRevoker {

    /** For credentials that cannot be revoked (API keys). */
    CredentialRevoker NONE = credentials -> {
    };

    /** Best effort: a failure is logged (never with the token) and does not stop the logout. */
    void revokeAll(Collection<StoredCredential> credentials);
}
