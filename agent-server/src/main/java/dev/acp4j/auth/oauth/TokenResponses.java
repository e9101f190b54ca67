package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.time.Clock;
import net.minidev.json.JSONObject;
import java.time.Instant;

/** Sends token requests (RFC 6749 §3.2) and turns the answers into {@link TokenSet}s or exceptions. */
final class TokenResponses {

    private TokenResponses() {
    }

    static TokenSet send(TokenRequest request, Clock clock) {
        return send(request, clock, TrustBundle.DEFAULT);
    }

    static TokenSet send(TokenRequest request, Clock clock, TrustBundle trust) {
        Instant sentAt = clock.instant();
        HTTPResponse http = OAuthHttp.send(request.toHTTPRequest(), trust);
        OAuthException errorIn200 = errorInSuccessStatus(http);
        if (errorIn200 != null) {
            throw errorIn200;
        }
        TokenResponse response;
        try {
            response = TokenResponse.parse(http);
        } catch (ParseException e) {
            // The parser's message may quote the body, which may hold a token: leave it out.
            throw new OAuthException(null, "the token endpoint " + OAuthHttp.withoutQuery(request.getEndpointURI())
                    + " sent a response that is not a valid token response (HTTP " + http.getStatusCode() + ")");
        }
        if (!response.indicatesSuccess()) {
            throw fromError(response.toErrorResponse().getErrorObject(), http.getStatusCode());
        }
        return toTokenSet(response.toSuccessResponse(), sentAt);
    }

    /**
     * An error sent with HTTP 200 instead of RFC 6749 §5.2's 400, as GitHub does (e.g.
     * {@code authorization_pending} while the device grant waits), or null.
     */
    private static OAuthException errorInSuccessStatus(HTTPResponse http) {
        if (http.getStatusCode() != HTTPResponse.SC_OK) {
            return null;
        }
        try {
            JSONObject body = http.getBodyAsJSONObject();
            if (!(body.get("error") instanceof String) || body.containsKey("access_token")) {
                return null;
            }
            return fromError(TokenErrorResponse.parse(body).getErrorObject(), http.getStatusCode());
        } catch (ParseException e) {
            return null; // not JSON: the token response parser reports it
        }
    }

    static TokenSet toTokenSet(AccessTokenResponse response, Instant sentAt) {
        AccessToken access = response.getTokens().getAccessToken();
        RefreshToken refresh = response.getTokens().getRefreshToken();
        long lifetime = access.getLifetime();
        return new TokenSet(
                access.getValue(),
                refresh == null ? null : refresh.getValue(),
                lifetime > 0 ? sentAt.plusSeconds(lifetime) : null,
                access.getType() == null ? null : access.getType().getValue(),
                access.getScope() == null ? null : access.getScope().toString());
    }

    static OAuthException fromError(ErrorObject error, int status) {
        if (error == null || error.getCode() == null) {
            return new OAuthException(null, "the server refused the request (HTTP " + status + ")");
        }
        if ("invalid_grant".equals(error.getCode())) {
            return new InvalidGrantException(error.getDescription());
        }
        return new OAuthException(error.getCode(), error.getDescription());
    }
}
