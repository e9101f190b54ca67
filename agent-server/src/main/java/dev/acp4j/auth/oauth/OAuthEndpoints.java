package dev.acp4j.auth.oauth;

import java.net.URI;
import java.util.List;

/**
 * Where an authorization server's endpoints are (RFC 8414 §2 names). Optional ones are null when
 * the server does not offer them.
 *
 * @param issuer                        the issuer identifier, or null when the endpoints were configured explicitly without one
 * @param authorizationEndpoint         RFC 6749 §3.1; null when the server supports no redirect-based grant
 * @param tokenEndpoint                 RFC 6749 §3.2; required
 * @param deviceAuthorizationEndpoint   RFC 8628 §3.1
 * @param revocationEndpoint            RFC 7009 §2
 * @param registrationEndpoint          RFC 7591 §3
 * @param codeChallengeMethodsSupported RFC 7636 methods the server advertises; empty when it advertises none
 * @param tokenEndpointAuthMethodsSupported RFC 8414 {@code token_endpoint_auth_methods_supported}; empty when it
 *                                          advertises none (then {@code client_secret_basic} is the default)
 */
public record OAuthEndpoints(
        URI issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI deviceAuthorizationEndpoint,
        URI revocationEndpoint,
        URI registrationEndpoint,
        List<String> codeChallengeMethodsSupported,
        List<String> tokenEndpointAuthMethodsSupported) {

    /**
     * Endpoints of a server that advertises no token endpoint authentication methods.
     *
     * @param issuer the issuer identifier, or null
     * @param authorizationEndpoint RFC 6749 §3.1, or null
     * @param tokenEndpoint RFC 6749 §3.2; required
     * @param deviceAuthorizationEndpoint RFC 8628 §3.1, or null
     * @param revocationEndpoint RFC 7009 §2, or null
     * @param registrationEndpoint RFC 7591 §3, or null
     * @param codeChallengeMethodsSupported RFC 7636 methods the server advertises
     */
    public OAuthEndpoints(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI deviceAuthorizationEndpoint,
                          URI revocationEndpoint, URI registrationEndpoint, List<String> codeChallengeMethodsSupported) {
        this(issuer, authorizationEndpoint, tokenEndpoint, deviceAuthorizationEndpoint, revocationEndpoint,
                registrationEndpoint, codeChallengeMethodsSupported, List.of());
    }

    /**
     * Requires a token endpoint and http(s) URLs (http only to a loopback host).
     *
     * @param issuer                        the issuer identifier, or null when the endpoints were configured explicitly without one
     * @param authorizationEndpoint         RFC 6749 §3.1; null when the server supports no redirect-based grant
     * @param tokenEndpoint                 RFC 6749 §3.2; required
     * @param deviceAuthorizationEndpoint   RFC 8628 §3.1
     * @param revocationEndpoint            RFC 7009 §2
     * @param registrationEndpoint          RFC 7591 §3
     * @param codeChallengeMethodsSupported RFC 7636 methods the server advertises; empty when it advertises none
     * @param tokenEndpointAuthMethodsSupported RFC 8414 {@code token_endpoint_auth_methods_supported}; empty when it
     *                                          advertises none (then {@code client_secret_basic} is the default)
     */
    public OAuthEndpoints {
        if (tokenEndpoint == null) {
            throw new IllegalArgumentException("tokenEndpoint is required");
        }
        for (URI uri : new URI[] {issuer, authorizationEndpoint, tokenEndpoint, deviceAuthorizationEndpoint,
                revocationEndpoint, registrationEndpoint}) {
            if (uri != null) {
                OAuthHttp.requireHttp(uri);
            }
        }
        codeChallengeMethodsSupported = codeChallengeMethodsSupported == null
                ? List.of() : List.copyOf(codeChallengeMethodsSupported);
        tokenEndpointAuthMethodsSupported = tokenEndpointAuthMethodsSupported == null
                ? List.of() : List.copyOf(tokenEndpointAuthMethodsSupported);
    }
}
