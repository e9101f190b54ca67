package dev.acp4j.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728 §2), the members a client needs.
 *
 * @param resource             the resource identifier; equal to the URL the client used (§3.3)
 * @param authorizationServers issuer identifiers of the servers that issue tokens for it; never empty here
 * @param scopesSupported      scopes the resource understands; empty when it does not say
 */
public record ProtectedResourceMetadata(URI resource, List<URI> authorizationServers, List<String> scopesSupported) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Copies the lists.
     *
     * @param resource             the resource identifier; equal to the URL the client used (§3.3)
     * @param authorizationServers issuer identifiers of the servers that issue tokens for it; never empty here
     * @param scopesSupported      scopes the resource understands; empty when it does not say
     */
    public ProtectedResourceMetadata {
        authorizationServers = List.copyOf(authorizationServers);
        scopesSupported = List.copyOf(scopesSupported);
    }

    /**
     * RFC 9728 §3.1: the well-known segment goes between the host and the resource's path.
     *
     * @param resource the resource identifier
     * @return the metadata URL
     */
    public static URI wellKnownUrl(URI resource) {
        String path = resource.getRawPath() == null ? "" : resource.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority()
                + "/.well-known/oauth-protected-resource" + path);
    }

    /**
     * Parses and validates a metadata document fetched for {@code expectedResource}.
     *
     * @param json the document
     * @param expectedResource the URL the client used
     * @return the metadata
     * @throws OAuthException when it is not JSON, its {@code resource} is not {@code expectedResource}
     *                        (RFC 9728 §3.3), or it names no authorization server
     */
    public static ProtectedResourceMetadata parse(byte[] json, URI expectedResource) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new OAuthException(null, "the protected resource metadata is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new OAuthException(null, "the protected resource metadata is not a JSON object");
        }
        JsonNode resource = root.get("resource");
        if (resource == null || !resource.isTextual()) {
            throw new OAuthException(null, "the protected resource metadata has no \"resource\"");
        }
        if (!resource.textValue().equals(expectedResource.toString())) {
            throw new OAuthException(null, "the protected resource metadata is for " + resource.textValue()
                    + ", not " + expectedResource);
        }
        List<URI> servers = new ArrayList<>();
        for (String issuer : strings(root, "authorization_servers")) {
            try {
                servers.add(OAuthHttp.requireHttp(URI.create(issuer)));
            } catch (IllegalArgumentException e) {
                throw new OAuthException(null, "the protected resource metadata names an unusable authorization server: "
                        + e.getMessage());
            }
        }
        if (servers.isEmpty()) {
            throw new OAuthException(null, "the protected resource metadata names no authorization server");
        }
        return new ProtectedResourceMetadata(expectedResource, servers, strings(root, "scopes_supported"));
    }

    private static List<String> strings(JsonNode root, String member) {
        JsonNode array = root.get(member);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new OAuthException(null, "\"" + member + "\" of the protected resource metadata is not an array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new OAuthException(null, "\"" + member + "\" of the protected resource metadata holds a non-string");
            }
            values.add(value.textValue());
        }
        return values;
    }
}
