package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Fetches a protected resource's metadata (RFC 9728 §3). */
public final class ProtectedResourceDiscovery {

    /**
     * The RFC 9728 metadata of {@code resource}, fetched from {@code metadataUrl}.
     *
     * @param metadataUrl the URL from the resource's {@code WWW-Authenticate} challenge, or
     *                    {@link ProtectedResourceMetadata#wellKnownUrl} of {@code resource}
     * @param resource the MCP server URL the metadata must name
     * @return the metadata
     */
    public ProtectedResourceMetadata fetch(URI metadataUrl, URI resource) {
        return fetch(metadataUrl, resource, TrustBundle.DEFAULT);
    }

    /**
     * {@link #fetch(URI, URI)} over TLS that also trusts {@code trust}'s certificates.
     *
     * @param metadataUrl where the metadata is
     * @param resource the MCP server URL the metadata must name
     * @param trust the CAs to trust
     * @return the metadata
     */
    public ProtectedResourceMetadata fetch(URI metadataUrl, URI resource, TrustBundle trust) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, metadataUrl);
        request.setAccept("application/json");
        HTTPResponse response = OAuthHttp.send(request, trust);
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw new OAuthException(null, "no protected resource metadata at " + OAuthHttp.withoutQuery(metadataUrl)
                    + " (HTTP " + response.getStatusCode() + ")");
        }
        String body = response.getBody() == null ? "" : response.getBody();
        return ProtectedResourceMetadata.parse(body.getBytes(StandardCharsets.UTF_8), resource);
    }
}
