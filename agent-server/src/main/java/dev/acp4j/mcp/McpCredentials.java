package dev.acp4j.mcp;

import dev.acp4j.auth.AgentCredentials;
import dev.acp4j.auth.AgentIdentity;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.TokenRefresher;
import dev.acp4j.auth.oauth.OAuthClient;
import dev.acp4j.auth.oauth.OAuthEndpoints;
import dev.acp4j.auth.oauth.TokenSet;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens of MCP servers in the user's credential store: one OAuth credential per server URL,
 * under the key {@code mcp:<url>}, with the client id the server's authorization server issued
 * (or registered) and what a refresh needs. Refreshed like every other OAuth credential.
 */
final class McpCredentials {

    static final String METHOD_ID = "mcp-oauth";
    static final String ISSUER = "issuer";

    private final CredentialStore store;
    private final TokenRefresher refresher;
    private final Clock clock;
    private final AgentIdentity identity;

    McpCredentials(CredentialStore store, TokenRefresher refresher, Clock clock, AgentIdentity identity) {
        this.identity = identity;
        this.store = store;
        this.refresher = refresher;
        this.clock = clock;
    }

    static String key(URI server) {
        return "mcp:" + server;
    }

    /** A usable access token for {@code server}: stored, refreshed when close to expiry. */
    Optional<String> accessToken(URI server) {
        return stored(server).flatMap(credential -> refresher.ensureFresh(key(server), credential))
                .map(StoredCredential::secret);
    }

    /**
     * {@code server} answered 401 to {@code rejected}: its refresh token is tried once (under the
     * store's lock) before any new sign-in; a token another request stored meanwhile is returned as is.
     */
    Optional<String> afterRejection(URI server, String rejected) {
        return rejected == null ? accessToken(server)
                : refresher.refreshRejected(key(server), rejected).map(StoredCredential::secret);
    }

    /** The client id stored for {@code server} at {@code issuer}, usable or not. */
    Optional<String> clientId(URI server, URI issuer) {
        return stored(server)
                .filter(credential -> issuer.toString().equals(credential.attributes().get(ISSUER)))
                .map(credential -> credential.attributes().get(OAuthSignIn.CLIENT_ID));
    }

    void save(URI server, URI issuer, OAuthEndpoints endpoints, OAuthClient client, TokenSet tokens) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(OAuthSignIn.CLIENT_ID, client.clientId());
        attributes.putAll(client.attributes());
        attributes.put(OAuthSignIn.TOKEN_ENDPOINT, endpoints.tokenEndpoint().toString());
        attributes.put(OAuthSignIn.RESOURCE, server.toString());
        attributes.put(ISSUER, issuer.toString());
        attributes.put(AgentCredentials.AGENT_ATTRIBUTE, identity.name());
        if (endpoints.revocationEndpoint() != null) {
            attributes.put(OAuthSignIn.REVOCATION_ENDPOINT, endpoints.revocationEndpoint().toString());
        }
        if (tokens.scope() != null) {
            attributes.put("scope", tokens.scope());
        }
        store.put(key(server), StoredCredential.oauth2(server.toString(), METHOD_ID, tokens.accessToken(),
                tokens.refreshToken(), tokens.expiresAt(), clock.instant(), attributes));
    }

    private Optional<StoredCredential> stored(URI server) {
        return store.get(key(server)).filter(credential -> credential.kind() == CredentialKind.OAUTH2);
    }
}
