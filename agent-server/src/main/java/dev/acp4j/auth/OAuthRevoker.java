package dev.acp4j.auth;

import dev.acp4j.auth.oauth.OAuthClient;
import dev.acp4j.auth.oauth.OAuthEndpoints;
import dev.acp4j.auth.oauth.OAuthException;
import dev.acp4j.auth.oauth.TokenRevocation;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.StoredCredential;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code logout}: revokes OAuth tokens where the server offers RFC 7009 revocation. */
public final class OAuthRevoker implements CredentialRevoker {

    private static final Logger log = LoggerFactory.getLogger(OAuthRevoker.class);

    private final TokenRevocation revocation = new TokenRevocation();

    @Override
    public void revokeAll(Collection<StoredCredential> credentials) {
        for (StoredCredential credential : credentials) {
            String endpoint = credential.attributes().get(OAuthSignIn.REVOCATION_ENDPOINT);
            String tokenEndpoint = credential.attributes().get(OAuthSignIn.TOKEN_ENDPOINT);
            if (credential.kind() != CredentialKind.OAUTH2 || endpoint == null || tokenEndpoint == null) {
                continue;
            }
            OAuthEndpoints server = new OAuthEndpoints(null, null, URI.create(tokenEndpoint), null,
                    URI.create(endpoint), null, List.of());
            OAuthClient client;
            try {
                client = OAuthClient.fromAttributes(credential.attributes().get(OAuthSignIn.CLIENT_ID),
                        credential.attributes());
            } catch (IllegalArgumentException | NullPointerException e) {
                log.warn("cannot revoke the tokens for {} ({}); they are erased locally all the same",
                        credential.provider(), e.getMessage());
                continue;
            }
            try {
                if (credential.refreshToken() != null) {
                    revocation.revoke(server, client, credential.refreshToken(), true);
                }
                revocation.revoke(server, client, credential.secret(), false);
                log.info("revoked the tokens for {}", credential.provider());
            } catch (OAuthException | IllegalArgumentException e) {
                log.warn("revoking the tokens for {} failed ({}); they are erased locally all the same",
                        credential.provider(), e.getMessage());
            }
        }
    }
}
