package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.oauth.AuthorizationCodeFlow;
import dev.acp4j.auth.oauth.AuthorizationRequestState;
import dev.acp4j.auth.oauth.AuthorizationServerDiscovery;
import dev.acp4j.auth.oauth.DeviceAuthorization;
import dev.acp4j.auth.oauth.DeviceAuthorizationFlow;
import dev.acp4j.auth.oauth.OAuthClient;
import dev.acp4j.auth.oauth.OAuthEndpoints;
import dev.acp4j.auth.oauth.OAuthException;
import dev.acp4j.auth.oauth.Sleeper;
import dev.acp4j.auth.oauth.TokenSet;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.auth.web.OAuthRedirectListener;
import dev.acp4j.jsonrpc.CancellationToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An interactive OAuth 2 sign-in for an {@code oauth2} method: authorization code with PKCE
 * (S256) on a one-shot 127.0.0.1 redirect listener, or the device authorization grant
 * (RFC 8628) where a loopback redirect cannot reach the user (SSH) or the method says so, or, for a
 * provider whose redirect page shows the code ({@code "codeEntry": "paste"}), the code pasted by
 * the user ({@code PastedCodeSignIn}).
 * The user is sent to the URL through a {@link UserPrompt}; the tokens go to the store.
 */
public final class OAuthSignIn {

    /** Credential attributes the refresher and the revoker read back. */
    public static final String CLIENT_ID = "clientId";
    /** Credential attribute: the token endpoint the tokens came from (RFC 6749 section 3.2), used to refresh them. */
    public static final String TOKEN_ENDPOINT = "tokenEndpoint";
    /**
     * Credential attribute: the RFC 7009 revocation endpoint, used by {@code logout}; absent when the server has none.
     */
    public static final String REVOCATION_ENDPOINT = "revocationEndpoint";
    /** The RFC 8707 resource indicator the tokens were issued for (MCP servers); refreshes send it again. */
    public static final String RESOURCE = "resource";

    private static final String CALLBACK_PATH = "/callback";

    private final CredentialStore store;
    private final Clock clock;
    private final Map<String, String> env;
    private final AgentIdentity identity;
    private final AuthorizationServerDiscovery discovery = new AuthorizationServerDiscovery();
    private final Map<String, OAuthEndpoints> endpoints = new ConcurrentHashMap<>();

    /**
     * For the built-in agent.
     *
     * @param store where the tokens go
     * @param clock the clock token expiry is judged by
     * @param env the environment (e.g. for a method's client secret file)
     */
    public OAuthSignIn(CredentialStore store, Clock clock, Map<String, String> env) {
        this(store, clock, env, AgentIdentity.ACP4J);
    }

    /**
     * {@code identity} names the agent in what the user reads.
     *
     * @param store where the tokens go
     * @param clock the clock token expiry is judged by
     * @param env the environment (e.g. for a method's client secret file)
     * @param identity the agent, as sign-in pages and messages name it
     */
    public OAuthSignIn(CredentialStore store, Clock clock, Map<String, String> env, AgentIdentity identity) {
        this.store = store;
        this.clock = clock;
        this.env = env;
        this.identity = identity;
    }

    /**
     * Signs in with {@code method}. {@code prompt} sends the user to a URL with a message;
     * {@code failure} turns a decline, a timeout or an OAuth error into what to throw. A method
     * with {@code "codeEntry": "paste"} sends the user to a one-time local page for the code.
     *
     * @param method an {@code oauth2} method
     * @param prompt sends the user to a URL with a message (a URL elicitation, or the browser)
     * @param cancellation ends the sign-in when the request is cancelled
     * @param timeout how long to wait for the user
     * @param failure turns a decline, a timeout or an OAuth error into what to throw
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public void signIn(AuthMethodConfig method, BiFunction<URI, String, UserPrompt> prompt,
                       CancellationToken cancellation, Duration timeout,
                       Function<Throwable, ? extends RuntimeException> failure) throws InterruptedException {
        signIn(method, prompt, null, cancellation, timeout, failure);
    }

    /**
     * As {@link #signIn(AuthMethodConfig, BiFunction, CancellationToken, Duration, Function)}, with
     * {@code codeEntry} the way the user pastes the code for a {@code "codeEntry": "paste"} method
     * (null: {@link CodeEntry#page}, reached through {@code prompt}).
     *
     * @param method an {@code oauth2} method
     * @param prompt sends the user to a URL with a message (a URL elicitation, or the browser)
     * @param codeEntry how the user pastes the code, or null for the one-time local page
     * @param cancellation ends the sign-in when the request is cancelled
     * @param timeout how long to wait for the user
     * @param failure turns a decline, a timeout or an OAuth error into what to throw
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public void signIn(AuthMethodConfig method, BiFunction<URI, String, UserPrompt> prompt, CodeEntry codeEntry,
                       CancellationToken cancellation, Duration timeout,
                       Function<Throwable, ? extends RuntimeException> failure) throws InterruptedException {
        OAuthEndpoints server;
        try {
            server = endpoints(method);
        } catch (OAuthException e) {
            throw failure.apply(e);
        }
        OAuthClient client;
        try {
            client = client(method).forServer(server);
        } catch (OAuthException e) {
            throw failure.apply(e);
        }
        TokenSet tokens = usesDeviceFlow(method, server)
                ? deviceFlow(method, server, client, prompt, cancellation, timeout, failure)
                : method.oauth().pastesCode()
                ? pastedCodeFlow(method, server, client, prompt, codeEntry, cancellation, timeout, failure)
                : codeFlow(method, server, client, prompt, cancellation, timeout, failure);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CLIENT_ID, method.oauth().clientId());
        attributes.putAll(client.attributes());
        attributes.put(TOKEN_ENDPOINT, server.tokenEndpoint().toString());
        if (server.revocationEndpoint() != null) {
            attributes.put(REVOCATION_ENDPOINT, server.revocationEndpoint().toString());
        }
        if (server.issuer() != null) {
            attributes.put("issuer", server.issuer().toString());
        }
        if (tokens.scope() != null) {
            attributes.put("scope", tokens.scope());
        }
        if (tokens.tokenType() != null) {
            attributes.put("tokenType", tokens.tokenType());
        }
        store.put(StoredCredential.oauth2(method.provider(), method.id(), tokens.accessToken(),
                tokens.refreshToken(), tokens.expiresAt(), clock.instant(), attributes));
    }

    private TokenSet codeFlow(AuthMethodConfig method, OAuthEndpoints server, OAuthClient client,
                              BiFunction<URI, String, UserPrompt> prompt,
                              CancellationToken cancellation, Duration timeout,
                              Function<Throwable, ? extends RuntimeException> failure) throws InterruptedException {
        AuthMethodConfig.OAuthConfig oauth = method.oauth();
        int port = oauth.redirectPort() == null ? 0 : oauth.redirectPort();
        try (OAuthRedirectListener listener = OAuthRedirectListener.start(port, CALLBACK_PATH)) {
            AuthorizationCodeFlow flow = new AuthorizationCodeFlow(clock);
            AuthorizationRequestState request = flow.start(server, oauth.clientId(), oauth.scopes(),
                    listener.redirectUri(), null);
            listener.expectState(request.state());
            UserPrompt user = prompt.apply(request.authorizationUrl(), message(method, server)
                    + " Open this page to sign in; you will come back to a page on this computer.");
            Map<String, String> callback = Interaction.await(listener.callback(), user, cancellation, timeout, failure);
            try {
                TokenSet tokens = flow.exchange(request, callback, client);
                user.complete();
                return tokens;
            } catch (OAuthException e) {
                user.abandon();
                throw failure.apply(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the OAuth redirect on 127.0.0.1", e);
        }
    }

    private TokenSet pastedCodeFlow(AuthMethodConfig method, OAuthEndpoints server, OAuthClient client,
                                    BiFunction<URI, String, UserPrompt> prompt, CodeEntry codeEntry,
                                    CancellationToken cancellation, Duration timeout,
                                    Function<Throwable, ? extends RuntimeException> failure) throws InterruptedException {
        CodeEntry entry = codeEntry != null ? codeEntry : CodeEntry.page(method.name(), prompt, cancellation, timeout, failure);
        return new PastedCodeSignIn(clock).signIn(method, server, client, entry, message(method, server), failure);
    }

    private TokenSet deviceFlow(AuthMethodConfig method, OAuthEndpoints server, OAuthClient client,
                                BiFunction<URI, String, UserPrompt> prompt,
                                CancellationToken cancellation, Duration timeout,
                                Function<Throwable, ? extends RuntimeException> failure) throws InterruptedException {
        DeviceAuthorizationFlow flow = new DeviceAuthorizationFlow(clock);
        DeviceAuthorization authorization;
        try {
            authorization = flow.start(server, client, method.oauth().scopes());
        } catch (OAuthException e) {
            throw failure.apply(e);
        }
        URI url = authorization.verificationUriComplete() != null
                ? authorization.verificationUriComplete() : authorization.verificationUri();
        UserPrompt user = prompt.apply(url, message(method, server) + " Open this page and enter the code "
                + authorization.userCode() + " if it asks for one.");
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<TokenSet> polled = new CompletableFuture<>();
        Thread poller = new Thread(() -> {
            try {
                polled.complete(flow.poll(authorization, client, stop::get, Sleeper.real()));
            } catch (InterruptedException | RuntimeException e) {
                polled.completeExceptionally(e);
            }
        }, "acp4j-device-poll");
        poller.setDaemon(true);
        poller.start();
        Duration untilExpiry = Duration.between(clock.instant(), authorization.expiresAt());
        boolean codeExpiresFirst = untilExpiry.compareTo(timeout) < 0 && !untilExpiry.isNegative();
        try {
            TokenSet tokens = Interaction.await(polled, user, cancellation, codeExpiresFirst ? untilExpiry : timeout,
                    codeExpiresFirst ? e -> failure.apply(e instanceof TimeoutException ? new OAuthException("expired_token",
                            "the code expired before the user approved it (after " + Interaction.describe(untilExpiry)
                                    + "); start again") : e) : failure);
            user.complete();
            return tokens;
        } finally {
            stop.set(true);
            poller.interrupt();
        }
    }

    /** Explicit endpoints from the configuration, else discovered once from the issuer. */
    OAuthEndpoints endpoints(AuthMethodConfig method) {
        return endpoints.computeIfAbsent(method.id(), id -> {
            AuthMethodConfig.OAuthConfig oauth = method.oauth();
            if (oauth.tokenEndpoint() != null) {
                return new OAuthEndpoints(oauth.issuer() == null ? null : URI.create(oauth.issuer()),
                        uri(oauth.authorizationEndpoint()), URI.create(oauth.tokenEndpoint()),
                        uri(oauth.deviceAuthorizationEndpoint()), uri(oauth.revocationEndpoint()), null, java.util.List.of());
            }
            return discovery.discover(URI.create(oauth.issuer()), client(method).trust());
        });
    }

    /** The method's client: its id, secret file and how to send it, and its TLS trust. */
    static OAuthClient client(AuthMethodConfig method) {
        AuthMethodConfig.OAuthConfig oauth = method.oauth();
        return OAuthClient.of(oauth.clientId(), oauth.clientSecretFile(), oauth.tokenEndpointAuthMethod(),
                oauth.caBundle());
    }

    /**
     * Whether a sign-in with {@code method} would use the device grant, whose user code only an
     * elicitation's message can show (the metadata is discovered when the flow depends on it).
     *
     * @throws OAuthException when the metadata cannot be discovered
     */
    boolean usesDeviceFlow(AuthMethodConfig method) {
        String flow = method.oauth().flow();
        if ("device_code".equals(flow) || "authorization_code".equals(flow) || method.oauth().pastesCode()) {
            return "device_code".equals(flow);
        }
        return usesDeviceFlow(method, endpoints(method));
    }

    private boolean usesDeviceFlow(AuthMethodConfig method, OAuthEndpoints server) {
        String flow = method.oauth().flow();
        if ("device_code".equals(flow)) {
            return true;
        }
        if ("authorization_code".equals(flow) || method.oauth().pastesCode()) {
            return false;
        }
        boolean remote = env.containsKey("SSH_CONNECTION") || env.containsKey("SSH_TTY");
        return server.deviceAuthorizationEndpoint() != null && (remote || server.authorizationEndpoint() == null);
    }

    private String message(AuthMethodConfig method, OAuthEndpoints server) {
        String who = server.issuer() != null ? server.issuer().getHost() : server.tokenEndpoint().getHost();
        return identity.displayName() + " asks you to sign in at " + who + " (" + method.name()
                + ") so that it can use " + method.providerName() + " on your behalf.";
    }

    private static URI uri(String value) {
        return value == null ? null : URI.create(value);
    }
}
