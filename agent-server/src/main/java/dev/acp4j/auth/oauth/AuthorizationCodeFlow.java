package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The authorization code grant (RFC 6749 §4.1) for a public client, always with PKCE S256 (RFC 7636).
 */
public final class AuthorizationCodeFlow {

    private final Clock clock;

    /** A flow on the system clock. */
    public AuthorizationCodeFlow() {
        this(Clock.systemUTC());
    }

    /**
     * A flow whose token expiries are computed on {@code clock}.
     *
     * @param clock the clock
     */
    public AuthorizationCodeFlow(Clock clock) {
        this.clock = clock;
    }

    /**
     * Builds the authorization request.
     *
     * @param endpoints the authorization server's endpoints
     * @param clientId the public client id
     * @param scopes the scopes to request
     * @param redirectUri the loopback (or pasted-code) redirect URI
     * @param resource the RFC 8707 resource indicator, or null
     * @return the authorization URL with its state and PKCE verifier
     */
    public AuthorizationRequestState start(OAuthEndpoints endpoints, String clientId, List<String> scopes,
            URI redirectUri, URI resource) {
        if (endpoints.authorizationEndpoint() == null) {
            throw new IllegalArgumentException("the authorization server has no authorization endpoint");
        }
        List<String> methods = endpoints.codeChallengeMethodsSupported();
        if (!methods.isEmpty() && !methods.contains(CodeChallengeMethod.S256.getValue())) {
            throw new OAuthException(null, "the authorization server does not support PKCE with S256 (it offers "
                    + methods + ")");
        }
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .endpointURI(endpoints.authorizationEndpoint())
                .redirectionURI(redirectUri)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (scopes != null && !scopes.isEmpty()) {
            request.scope(new Scope(scopes.toArray(String[]::new)));
        }
        if (resource != null) {
            request.resource(resource);
        }
        return new AuthorizationRequestState(request.build().toURI(), state, verifier, endpoints, clientId,
                redirectUri, resource);
    }

    /**
     * Redeems the code the redirect delivered (RFC 6749 §4.1.2, §4.1.3).
     *
     * @param request the request the user was sent to
     * @param callbackParams the query parameters of the redirect to {@code redirectUri}
     * @return the tokens
     */
    public TokenSet exchange(AuthorizationRequestState request, Map<String, String> callbackParams) {
        return exchange(request, callbackParams, OAuthClient.publicClient(request.clientId()));
    }

    /**
     * {@link #exchange(AuthorizationRequestState, Map)} for {@code client}, which authenticates as
     * it was {@linkplain OAuthClient#forServer chosen} for the server (a public client sends its id).
     *
     * @param request the request the user was sent to
     * @param callbackParams the query parameters of the redirect to {@code redirectUri}
     * @param client the client, as chosen for the server
     * @return the tokens
     */
    public TokenSet exchange(AuthorizationRequestState request, Map<String, String> callbackParams, OAuthClient client) {
        String returnedState = callbackParams.get("state");
        if (!request.state().equals(returnedState)) {
            throw new OAuthException(null, returnedState == null
                    ? "the authorization response has no state; ignoring it"
                    : "the authorization response's state does not match the request; ignoring it");
        }
        URI issuer = request.endpoints().issuer();
        String returnedIssuer = callbackParams.get("iss");
        if (returnedIssuer != null && issuer != null && !returnedIssuer.equals(issuer.toString())) {
            // RFC 9207: a response from another server than the one we asked (mix-up attack).
            throw new OAuthException(null, "the authorization response came from issuer " + returnedIssuer
                    + ", not " + issuer);
        }
        String error = callbackParams.get("error");
        if (error != null) {
            throw new OAuthException(error, callbackParams.get("error_description"));
        }
        String code = callbackParams.get("code");
        if (code == null || code.isEmpty()) {
            throw new OAuthException(null, "the authorization response has neither a code nor an error");
        }
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                new AuthorizationCode(code), request.redirectUri(), request.codeVerifier());
        TokenRequest.Builder token = client.tokenRequest(request.endpoints().tokenEndpoint(), grant);
        if (request.resource() != null) {
            token.resource(request.resource());
        }
        return TokenResponses.send(token.build(), clock, client.trust());
    }
}
