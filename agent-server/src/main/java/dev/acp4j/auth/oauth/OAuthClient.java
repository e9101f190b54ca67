package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who acp4j is to one authorization server: the client id, for a confidential client its
 * {@linkplain ClientSecretFile secret file} and how the secret is sent ({@code client_secret_basic}
 * or {@code client_secret_post}, RFC 6749 §2.3.1), and the {@link TrustBundle} its HTTPS requests
 * use. Holds the secret file's path, never the secret: each request reads the file.
 */
public final class OAuthClient {

    /** Credential attributes that say how a stored sign-in's client authenticates, for refresh and revocation. */
    public static final String TOKEN_ENDPOINT_AUTH_METHOD = "tokenEndpointAuthMethod";
    /** Credential attribute: the client secret file's path (never the secret). */
    public static final String CLIENT_SECRET_FILE = "clientSecretFile";
    /** Credential attribute: the CA bundle's path. */
    public static final String CA_BUNDLE = "caBundle";

    /** The methods acp4j can send a client secret by, in order of preference. */
    public static final List<String> SECRET_METHODS = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());

    private final String clientId;
    private final Path secretFile;
    private final String authMethod;
    private final TrustBundle trust;

    private OAuthClient(String clientId, Path secretFile, String authMethod, TrustBundle trust) {
        if (clientId == null) {
            throw new IllegalArgumentException("no client id");
        }
        this.clientId = clientId;
        this.secretFile = secretFile;
        this.authMethod = secretFile == null ? ClientAuthenticationMethod.NONE.getValue() : authMethod;
        this.trust = trust == null ? TrustBundle.DEFAULT : trust;
    }

    /**
     * A public client (no secret) that trusts the JVM's default CAs.
     *
     * @param clientId the client id
     * @return the client
     */
    public static OAuthClient publicClient(String clientId) {
        return new OAuthClient(clientId, null, null, TrustBundle.DEFAULT);
    }

    /**
     * A client as configured.
     *
     * @param clientId the client id
     * @param clientSecretFile the secret's file, or null for a public client
     * @param authMethod       {@code client_secret_basic} or {@code client_secret_post}, or null to follow the server's metadata
     * @param caBundle         a PEM file of CAs added to the default trust, or null
     * @return the client
     */
    public static OAuthClient of(String clientId, String clientSecretFile, String authMethod, String caBundle) {
        return new OAuthClient(clientId, clientSecretFile == null ? null : Path.of(clientSecretFile), authMethod,
                TrustBundle.of(caBundle));
    }

    /**
     * The client a stored sign-in was made with: {@code clientId} and the attributes of {@link #attributes()}.
     *
     * @param clientId the client id
     * @param attributes the stored credential's attributes
     * @return the client
     */
    public static OAuthClient fromAttributes(String clientId, Map<String, String> attributes) {
        return of(clientId, attributes.get(CLIENT_SECRET_FILE), attributes.get(TOKEN_ENDPOINT_AUTH_METHOD),
                attributes.get(CA_BUNDLE));
    }

    /** {@return the client id} */
    public String clientId() {
        return clientId;
    }

    /** {@return the CAs trusted for its requests} */
    public TrustBundle trust() {
        return trust;
    }

    /** {@return whether the client has a secret} */
    public boolean confidential() {
        return secretFile != null;
    }

    /**
     * {@code none}, {@code client_secret_basic} or {@code client_secret_post}; null until {@link #forServer} chose.
     *
     * @return the token endpoint auth method, or null
     */
    public String authMethod() {
        return authMethod;
    }

    /**
     * This client with its way of sending the secret chosen for {@code server}: the configured one,
     * else {@code client_secret_basic} when the metadata lists it (or lists nothing, RFC 8414's
     * default), else {@code client_secret_post}.
     *
     * @param server the server's endpoints and metadata
     * @return the client, ready to authenticate there
     * @throws OAuthException when the server accepts neither
     */
    public OAuthClient forServer(OAuthEndpoints server) {
        if (authMethod != null) {
            return this;
        }
        List<String> supported = server.tokenEndpointAuthMethodsSupported();
        for (String method : SECRET_METHODS) {
            if (supported.isEmpty() || supported.contains(method)) {
                return new OAuthClient(clientId, secretFile, method, trust);
            }
        }
        throw new OAuthException(null, "the authorization server's token endpoint "
                + OAuthHttp.withoutQuery(server.tokenEndpoint()) + " accepts a client secret neither by "
                + String.join(" nor by ", SECRET_METHODS) + " (it lists " + supported + ")");
    }

    /** {@return what a stored sign-in keeps to refresh and revoke the same way (no secret: paths and names)} */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (secretFile != null) {
            attributes.put(CLIENT_SECRET_FILE, secretFile.toString());
            if (authMethod != null) {
                attributes.put(TOKEN_ENDPOINT_AUTH_METHOD, authMethod);
            }
        }
        if (trust.file() != null) {
            attributes.put(CA_BUNDLE, trust.file().toString());
        }
        return attributes;
    }

    /** The Nimbus client authentication, or null for a public client (which sends {@code client_id} only). */
    ClientAuthentication authentication() {
        if (secretFile == null) {
            return null;
        }
        ClientID id = new ClientID(clientId);
        return ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue().equals(authMethod)
                ? new ClientSecretPost(id, ClientSecretFile.read(secretFile))
                : new ClientSecretBasic(id, ClientSecretFile.read(secretFile));
    }

    /** A token request from this client. */
    TokenRequest.Builder tokenRequest(URI tokenEndpoint, AuthorizationGrant grant) {
        ClientAuthentication authentication = authentication();
        return authentication == null ? new TokenRequest.Builder(tokenEndpoint, new ClientID(clientId), grant)
                : new TokenRequest.Builder(tokenEndpoint, authentication, grant);
    }

    @Override
    public String toString() {
        return "OAuthClient[clientId=" + clientId + ", authMethod=" + authMethod
                + (secretFile == null ? "" : ", clientSecretFile=" + secretFile) + ", trust=" + trust + "]";
    }
}
