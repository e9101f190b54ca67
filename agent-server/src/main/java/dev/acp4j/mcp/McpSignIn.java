package dev.acp4j.mcp;

import dev.acp4j.auth.AgentIdentity;
import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UrlElicitation;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.oauth.AuthorizationCodeFlow;
import dev.acp4j.auth.oauth.AuthorizationRequestState;
import dev.acp4j.auth.oauth.AuthorizationServerDiscovery;
import dev.acp4j.auth.oauth.BearerChallenge;
import dev.acp4j.auth.oauth.DynamicClientRegistration;
import dev.acp4j.auth.config.McpClientConfig;
import dev.acp4j.auth.oauth.OAuthClient;
import dev.acp4j.auth.oauth.OAuthEndpoints;
import dev.acp4j.auth.oauth.TrustBundle;
import dev.acp4j.auth.oauth.OAuthException;
import dev.acp4j.auth.oauth.ProtectedResourceDiscovery;
import dev.acp4j.auth.oauth.ProtectedResourceMetadata;
import dev.acp4j.auth.oauth.TokenSet;
import dev.acp4j.auth.web.OAuthRedirectListener;
import dev.acp4j.jsonrpc.CancellationToken;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the user in to an MCP server that answered 401 (MCP authorization; RFC 9728 → RFC 8414 →
 * the configuration's {@code mcpClients} entry, else RFC 7591 when no client id is known →
 * authorization code + PKCE with {@code resource}, RFC 8707),
 * sending the user to the authorization URL through a session-scoped URL elicitation.
 */
final class McpSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(McpSignIn.class);
    private static final String CALLBACK_PATH = "/callback";

    private final McpCredentials credentials;
    private final Clock clock;
    private final Duration timeout;
    private final AgentIdentity identity;
    private final ProtectedResourceDiscovery resources = new ProtectedResourceDiscovery();
    private final AuthorizationServerDiscovery authorizationServers = new AuthorizationServerDiscovery();
    private final DynamicClientRegistration registration = new DynamicClientRegistration();
    /** Client ids registered by this process and not stored yet (the sign-in was declined or failed). */
    private final Map<String, String> registered = new ConcurrentHashMap<>();

    private final McpClients clients;

    McpSignIn(McpCredentials credentials, Clock clock, Duration timeout, AgentIdentity identity, McpClients clients) {
        this.clients = clients;
        this.identity = identity;
        this.credentials = credentials;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * @param prompt sends the user to a URL with a message (a session-scoped URL elicitation), or null
     *               when the client cannot show one
     * @return the new access token, already stored
     * @throws McpServerUnavailableException when the sign-in cannot be done, is declined or fails
     */
    String signIn(String name, URI server, String wwwAuthenticate, BiFunction<URI, String, UserPrompt> prompt,
                  CancellationToken cancellation) throws InterruptedException {
        if (prompt == null) {
            throw new McpServerUnavailableException("it requires a sign-in, and the client cannot open the sign-in"
                    + " page (it did not advertise elicitation.url)");
        }
        BearerChallenge challenge = BearerChallenge.parse(wwwAuthenticate).orElse(new BearerChallenge(null, null, null));
        URI metadataUrl = challenge.resourceMetadata() != null
                ? challenge.resourceMetadata() : ProtectedResourceMetadata.wellKnownUrl(server);
        ProtectedResourceMetadata resource;
        OAuthEndpoints endpoints;
        Optional<McpClientConfig> configured;
        try {
            resource = resources.fetch(metadataUrl, server, clients.trust(server));
            URI issuer = resource.authorizationServers().get(0);
            configured = clients.forSignIn(server, issuer);
            endpoints = authorizationServers.discover(issuer, configured.map(McpClients::client)
                    .map(OAuthClient::trust).orElse(TrustBundle.DEFAULT));
        } catch (OAuthException | IllegalArgumentException e) {
            throw new McpServerUnavailableException("it requires a sign-in that cannot be started: " + e.getMessage());
        }
        URI issuer = resource.authorizationServers().get(0);
        List<String> scopes = configured.isPresent() && !configured.get().scopes().isEmpty() ? configured.get().scopes()
                : challenge.scope() != null
                ? Arrays.asList(challenge.scope().trim().split(" +")) : resource.scopesSupported();
        try (OAuthRedirectListener listener = OAuthRedirectListener.start(0, CALLBACK_PATH)) {
            OAuthClient client = configured.isPresent() ? McpClients.client(configured.get()).forServer(endpoints)
                    : OAuthClient.publicClient(clientId(server, issuer, endpoints, listener.redirectUri(), scopes));
            AuthorizationCodeFlow flow = new AuthorizationCodeFlow(clock);
            AuthorizationRequestState request = flow.start(endpoints, client.clientId(), scopes, listener.redirectUri(),
                    server);
            listener.expectState(request.state());
            UserPrompt user = prompt.apply(request.authorizationUrl(), identity.displayName() + " asks you to sign in at "
                    + issuer.getHost() + " so that it can use the MCP server \"" + name + "\" (" + server
                    + ") on your behalf. Open this page to sign in; you will come back to a page on this computer.");
            Map<String, String> callback = Interaction.await(listener.callback(), user, cancellation, timeout,
                    McpSignIn::failure);
            TokenSet tokens;
            try {
                tokens = flow.exchange(request, callback, client);
            } catch (OAuthException e) {
                user.abandon();
                throw failure(e);
            }
            credentials.save(server, issuer, endpoints, client, tokens);
            registered.remove(server.toString());
            user.complete();
            LOG.info("signed in to the MCP server {}", server);
            return tokens.accessToken();
        } catch (OAuthException | IllegalArgumentException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new McpServerUnavailableException("cannot listen for the sign-in redirect on 127.0.0.1: " + e);
        }
    }

    private String clientId(URI server, URI issuer, OAuthEndpoints endpoints, URI redirectUri, List<String> scopes) {
        String known = registered.get(server.toString());
        if (known != null) {
            return known;
        }
        return credentials.clientId(server, issuer).orElseGet(() -> {
            String clientId = registration.register(endpoints, redirectUri, identity.displayName(), scopes);
            LOG.info("registered a client for the MCP server {} at {}", server, issuer);
            registered.put(server.toString(), clientId);
            return clientId;
        });
    }

    private static McpServerUnavailableException failure(Throwable cause) {
        if (cause instanceof UrlElicitation.DeclinedException declined) {
            return new McpServerUnavailableException("its sign-in was " + (declined.cancelled() ? "cancelled" : "declined"));
        }
        if (cause instanceof TimeoutException) {
            return new McpServerUnavailableException("its sign-in was not finished in time");
        }
        if (cause instanceof McpServerUnavailableException unavailable) {
            return unavailable;
        }
        return new McpServerUnavailableException("its sign-in failed: " + cause.getMessage());
    }
}
