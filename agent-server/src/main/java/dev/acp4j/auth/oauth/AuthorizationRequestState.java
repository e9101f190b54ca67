package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;

/**
 * One authorization request in flight (RFC 6749 §4.1.1 with PKCE, RFC 7636): the URL to open, and
 * what {@link AuthorizationCodeFlow#exchange} needs to redeem the code. The code verifier never leaves
 * this object except in the token request.
 */
public final class AuthorizationRequestState {

    private final URI authorizationUrl;
    private final State state;
    private final CodeVerifier codeVerifier;
    private final OAuthEndpoints endpoints;
    private final String clientId;
    private final URI redirectUri;
    private final URI resource;

    AuthorizationRequestState(URI authorizationUrl, State state, CodeVerifier codeVerifier, OAuthEndpoints endpoints,
            String clientId, URI redirectUri, URI resource) {
        this.authorizationUrl = authorizationUrl;
        this.state = state;
        this.codeVerifier = codeVerifier;
        this.endpoints = endpoints;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.resource = resource;
    }

    /** {@return the URL the user opens in a browser} */
    public URI authorizationUrl() {
        return authorizationUrl;
    }

    /** {@return the {@code state} value the redirect must carry back} */
    public String state() {
        return state.getValue();
    }

    /** {@return the redirect URI sent in the request, sent again in the token request} */
    public URI redirectUri() {
        return redirectUri;
    }

    /** {@return the client id the request was made for} */
    public String clientId() {
        return clientId;
    }

    /** {@return the authorization server's endpoints} */
    public OAuthEndpoints endpoints() {
        return endpoints;
    }

    /** {@return the RFC 8707 resource indicator, or null} */
    public URI resource() {
        return resource;
    }

    CodeVerifier codeVerifier() {
        return codeVerifier;
    }

    @Override
    public String toString() {
        return "AuthorizationRequestState[authorizationEndpoint=" + endpoints.authorizationEndpoint()
                + ", clientId=" + clientId + ", redirectUri=" + redirectUri + ", resource=" + resource
                + ", codeVerifier=<redacted>]";
    }
}
