package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.net.URI;
import java.time.Clock;

/** Refreshing an access token (RFC 6749 §6) for a public client. */
public final class TokenRefresh {

    private final Clock clock;

    /** A refresh on the system clock. */
    public TokenRefresh() {
        this(Clock.systemUTC());
    }

    /**
     * A refresh computing expiries on {@code clock}.
     *
     * @param clock the clock
     */
    public TokenRefresh(Clock clock) {
        this.clock = clock;
    }

    /**
     * Refreshes the tokens of a public client (RFC 6749 §6).
     *
     * @param endpoints the server's endpoints
     * @param clientId the public client id
     * @param refreshToken the stored refresh token
     * @param resource the RFC 8707 resource indicator, or null
     * @return the new tokens; its refresh token is the rotated one when the server issued one, else
     *         {@code refreshToken} (which stays valid)
     * @throws InvalidGrantException when the refresh token is no longer valid: a new login is needed
     */
    public TokenSet refresh(OAuthEndpoints endpoints, String clientId, String refreshToken, URI resource) {
        return refresh(endpoints, OAuthClient.publicClient(clientId), refreshToken, resource);
    }

    /**
     * {@link #refresh(OAuthEndpoints, String, String, URI)} for {@code client}, authenticated as it was at sign-in.
     *
     * @param endpoints the server's endpoints
     * @param client the client of the sign-in
     * @param refreshToken the stored refresh token
     * @param resource the RFC 8707 resource indicator, or null
     * @return the new tokens
     */
    public TokenSet refresh(OAuthEndpoints endpoints, OAuthClient client, String refreshToken, URI resource) {
        TokenRequest.Builder request = client.tokenRequest(endpoints.tokenEndpoint(),
                new RefreshTokenGrant(new RefreshToken(refreshToken)));
        if (resource != null) {
            request.resource(resource);
        }
        TokenSet issued = TokenResponses.send(request.build(), clock, client.trust());
        if (issued.refreshToken() != null) {
            return issued;
        }
        return new TokenSet(issued.accessToken(), refreshToken, issued.expiresAt(), issued.tokenType(), issued.scope());
    }
}
