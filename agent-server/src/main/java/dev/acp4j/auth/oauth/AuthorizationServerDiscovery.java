package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an authorization server's endpoints from its issuer identifier: RFC 8414 metadata first,
 * then OpenID Connect Discovery 1.0.
 */
public final class AuthorizationServerDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationServerDiscovery.class);

    /**
     * The endpoints of {@code issuer}: RFC 8414 metadata first, then OpenID Connect Discovery.
     *
     * @param issuer the issuer identifier (https, or http to a loopback host)
     * @return the endpoints
     * @throws OAuthException when neither document can be fetched or read
     */
    public OAuthEndpoints discover(URI issuer) {
        return discover(issuer, TrustBundle.DEFAULT);
    }

    /**
     * {@link #discover(URI)} over TLS that also trusts {@code trust}'s certificates.
     *
     * @param issuer the issuer identifier
     * @param trust the CAs to trust
     * @return the endpoints
     */
    public OAuthEndpoints discover(URI issuer, TrustBundle trust) {
        OAuthHttp.requireHttp(issuer);
        if (issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
            throw new IllegalArgumentException("an issuer has no query or fragment: " + OAuthHttp.withoutQuery(issuer));
        }
        List<String> failures = new ArrayList<>();
        for (URI url : List.of(authorizationServerMetadataUrl(issuer), openIdConfigurationUrl(issuer))) {
            try {
                OAuthEndpoints endpoints = fetch(url, issuer, trust);
                LOG.debug("discovered {} from {}", issuer, url);
                return endpoints;
            } catch (OAuthException e) {
                if (e.getCause() instanceof SSLException) {
                    // the other well-known URL is on the same server: its certificate would fail the same way
                    throw new OAuthException(null, "no authorization server metadata for " + issuer + ": "
                            + e.getMessage(), e);
                }
                failures.add(url + " (" + e.getMessage() + ")");
            }
        }
        throw new OAuthException(null, "no authorization server metadata for " + issuer + "; tried "
                + String.join(", then ", failures));
    }

    /**
     * RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path.
     *
     * @param issuer the issuer identifier
     * @return the metadata URL
     */
    public static URI authorizationServerMetadataUrl(URI issuer) {
        return URI.create(origin(issuer) + "/.well-known/oauth-authorization-server" + pathWithoutTrailingSlash(issuer));
    }

    /**
     * OpenID Connect Discovery 1.0 §4: the well-known segment is appended to the issuer.
     *
     * @param issuer the issuer identifier
     * @return the metadata URL
     */
    public static URI openIdConfigurationUrl(URI issuer) {
        return URI.create(origin(issuer) + pathWithoutTrailingSlash(issuer) + "/.well-known/openid-configuration");
    }

    /**
     * Endpoints a configuration gives directly, without discovery.
     *
     * @param authorizationEndpoint RFC 6749 §3.1, or null
     * @param tokenEndpoint RFC 6749 §3.2
     * @param deviceAuthorizationEndpoint RFC 8628 §3.1, or null
     * @param revocationEndpoint RFC 7009 §2, or null
     * @return the endpoints, without issuer
     */
    public static OAuthEndpoints explicit(URI authorizationEndpoint, URI tokenEndpoint, URI deviceAuthorizationEndpoint,
            URI revocationEndpoint) {
        return new OAuthEndpoints(null, authorizationEndpoint, tokenEndpoint, deviceAuthorizationEndpoint,
                revocationEndpoint, null, List.of());
    }

    private static OAuthEndpoints fetch(URI url, URI issuer, TrustBundle trust) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, url);
        request.setAccept("application/json");
        HTTPResponse response = OAuthHttp.send(request, trust);
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw new OAuthException(null, "HTTP " + response.getStatusCode());
        }
        AuthorizationServerMetadata metadata;
        try {
            // OpenID provider metadata is a superset of RFC 8414 metadata; only the OAuth members matter here.
            metadata = AuthorizationServerMetadata.parse(response.getBodyAsJSONObject());
        } catch (ParseException | IllegalArgumentException e) {
            throw new OAuthException(null, "not valid metadata: " + e.getMessage(), e);
        }
        String claimed = metadata.getIssuer().getValue();
        if (!claimed.equals(issuer.toString())) {
            throw new OAuthException(null, "metadata names issuer " + claimed + ", not " + issuer);
        }
        if (metadata.getTokenEndpointURI() == null) {
            throw new OAuthException(null, "metadata has no token_endpoint");
        }
        List<String> methods = metadata.getCodeChallengeMethods() == null ? List.of()
                : metadata.getCodeChallengeMethods().stream().map(CodeChallengeMethod::getValue).toList();
        List<String> authMethods = metadata.getTokenEndpointAuthMethods() == null ? List.of()
                : metadata.getTokenEndpointAuthMethods().stream().map(m -> m.getValue()).toList();
        try {
            return new OAuthEndpoints(issuer, metadata.getAuthorizationEndpointURI(), metadata.getTokenEndpointURI(),
                    metadata.getDeviceAuthorizationEndpointURI(), metadata.getRevocationEndpointURI(),
                    metadata.getRegistrationEndpointURI(), methods, authMethods);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(null, "metadata has an unusable endpoint: " + e.getMessage(), e);
        }
    }

    private static String origin(URI issuer) {
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    private static String pathWithoutTrailingSlash(URI issuer) {
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
