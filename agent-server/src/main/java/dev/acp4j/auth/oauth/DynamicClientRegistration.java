package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Registers a public native client (RFC 7591 §3.1): no secret, a loopback redirect URI (RFC 8252
 * §7.3), the authorization code and refresh token grants.
 */
public final class DynamicClientRegistration {

    /**
     * Returns the issued {@code client_id}.
     *
     * @param server the server, with a registration endpoint
     * @param redirectUri the loopback redirect URI to register
     * @param clientName the {@code client_name} the user sees
     * @param scopes the scopes to register
     * @return the client id
     */
    public String register(OAuthEndpoints server, URI redirectUri, String clientName, List<String> scopes) {
        return register(server, redirectUri, clientName, scopes, TrustBundle.DEFAULT);
    }

    /**
     * {@link #register(OAuthEndpoints, URI, String, List)} over TLS that also trusts {@code trust}'s certificates.
     *
     * @param server the server, with a registration endpoint
     * @param redirectUri the loopback redirect URI to register
     * @param clientName the {@code client_name} the user sees
     * @param scopes the scopes to register
     * @param trust the CAs to trust
     * @return the client id
     */
    public String register(OAuthEndpoints server, URI redirectUri, String clientName, List<String> scopes,
                           TrustBundle trust) {
        if (server.registrationEndpoint() == null) {
            throw new OAuthException(null, "the authorization server offers no dynamic client registration"
                    + " and no client id is known for it; give one in the configuration's mcpClients"
                    + " ({\"issuer\": \"" + (server.issuer() == null ? "…" : server.issuer()) + "\", \"clientId\": …})");
        }
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName(clientName);
        metadata.setRedirectionURI(redirectUri);
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setResponseTypes(Set.of(new ResponseType(ResponseType.Value.CODE)));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        if (scopes != null && !scopes.isEmpty()) {
            metadata.setScope(new Scope(scopes.toArray(String[]::new)));
        }
        ClientRegistrationRequest request = new ClientRegistrationRequest(server.registrationEndpoint(), metadata, null);
        HTTPResponse http = OAuthHttp.send(request.toHTTPRequest(), trust);
        ClientRegistrationResponse response;
        try {
            response = ClientRegistrationResponse.parse(http);
        } catch (ParseException e) {
            throw new OAuthException(null, "the registration endpoint " + OAuthHttp.withoutQuery(server.registrationEndpoint())
                    + " sent a response that is not a registration response (HTTP " + http.getStatusCode() + ")");
        }
        if (!response.indicatesSuccess()) {
            throw TokenResponses.fromError(response.toErrorResponse().getErrorObject(), http.getStatusCode());
        }
        return response.toSuccessResponse().getClientInformation().getID().getValue();
    }
}
