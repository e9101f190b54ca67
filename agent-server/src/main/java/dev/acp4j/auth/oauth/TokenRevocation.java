package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
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
     * @param endpoints the server's endpoints
     * @param clientId the public client id
     * @param token the token to revoke
     * @param refreshToken true for a refresh token, false for an access token ({@code token_type_hint})
     * @return false, doing nothing, when the server has no revocation endpoint; true once revoked
     * @throws OAuthException when the server refuses
     */
    public boolean revoke(OAuthEndpoints endpoints, String clientId, String token, boolean refreshToken) {
        return revoke(endpoints, OAuthClient.publicClient(clientId), token, refreshToken);
    }

    /**
     * {@link #revoke(OAuthEndpoints, String, String, boolean)} for {@code client}, authenticated as it was at sign-in.
     *
     * @param endpoints the server's endpoints
     * @param client the client of the sign-in
     * @param token the token to revoke
     * @param refreshToken true for a refresh token, false for an access token ({@code token_type_hint})
     * @return false when the server has no revocation endpoint; true once revoked
     */
    public boolean revoke(OAuthEndpoints endpoints, OAuthClient client, String token, boolean refreshToken) {
        if (endpoints.revocationEndpoint() == null) {
            return false;
        }
        Token revoked = refreshToken ? new RefreshToken(token) : new BearerAccessToken(token);
        ClientAuthentication authentication = client.authentication();
        TokenRevocationRequest request = authentication == null
                ? new TokenRevocationRequest(endpoints.revocationEndpoint(), new ClientID(client.clientId()), revoked)
                : new TokenRevocationRequest(endpoints.revocationEndpoint(), authentication, revoked);
        HTTPResponse response = OAuthHttp.send(request.toHTTPRequest(), client.trust());
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw TokenResponses.fromError(ErrorObject.parse(response), response.getStatusCode());
        }
        return true;
    }
}
