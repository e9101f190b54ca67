package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;

/** Token revocation (RFC 7009) for a public client. */
public final class TokenRevocation {

    /**
     * Revokes a token, hinting its type.
     *
     * @return false, doing nothing, when the server has no revocation endpoint; true once revoked
     * @throws OAuthException when the server refuses
     */
    public boolean revoke(OAuthEndpoints endpoints, String clientId, String token, boolean refreshToken) {
        if (endpoints.revocationEndpoint() == null) {
            return false;
        }
        Token revoked = refreshToken ? new RefreshToken(token) : new BearerAccessToken(token);
        HTTPResponse response = OAuthHttp.send(
                new TokenRevocationRequest(endpoints.revocationEndpoint(), new ClientID(clientId), revoked)
                        .toHTTPRequest());
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw TokenResponses.fromError(ErrorObject.parse(response), response.getStatusCode());
        }
        return true;
    }
}
