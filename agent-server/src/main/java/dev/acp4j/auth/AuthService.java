package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.interaction.Browser;
import dev.acp4j.auth.interaction.BrowserPrompt;
import dev.acp4j.auth.interaction.UrlElicitation;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.oauth.OAuthException;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.jsonrpc.EchoedText;
import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.jsonrpc.MethodTable;
import dev.acp4j.jsonrpc.RequestContext;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.auth.AuthenticateRequest;
import dev.acp4j.protocol.auth.AuthenticateResponse;
import dev.acp4j.protocol.auth.LogoutRequest;
import dev.acp4j.protocol.auth.LogoutResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code authenticate} and {@code logout}. */
public final class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    /** {@code logout} {@code _meta} keys: the provider to log out of, or a method whose provider it is. */
    public static final String LOGOUT_PROVIDER = "provider";
    /** {@code logout} {@code _meta} key: log out of the provider of the auth method with this id. */
    public static final String LOGOUT_METHOD_ID = "methodId";

    private final AuthMethodRegistry registry;
    private final CredentialStore store;
    private final CredentialResolver resolver;
    private final ClientAbilities client;
    private final AuthGate gate;
    private final AuthErrors errors;
    private final ApiKeyPageAuthenticator apiKeyPage;
    private final AgentCredentials credentials;
    private final OAuthSignIn oauth;
    private final Duration elicitationTimeout;
    private final Supplier<Browser> browser;

    /**
     * The auth methods of one connection.
     *
     * @param auth the agent's auth setup (methods, store, resolver, sign-in)
     * @param client what the client advertised in {@code initialize}
     */
    public AuthService(AuthContext auth, ClientAbilities client) {
        this.registry = auth.registry();
        this.store = auth.store();
        this.resolver = auth.resolver();
        this.client = client;
        this.gate = new AuthGate(registry, resolver, client, auth.mapper());
        this.errors = new AuthErrors(gate, registry, auth.mapper(), auth.identity());
        this.apiKeyPage = new ApiKeyPageAuthenticator(store, auth.clock(), auth.elicitationTimeout(), errors, auth.identity());
        this.credentials = new AgentCredentials(auth.identity(), registry, store, auth.revoker());
        this.oauth = auth.oauth();
        this.elicitationTimeout = auth.elicitationTimeout();
        this.browser = auth.browser();
    }

    /** {@return the gate that answers AUTH_REQUIRED for this connection's requests} */
    public AuthGate gate() {
        return gate;
    }

    /**
     * Registers {@code authenticate} and {@code logout}.
     *
     * @param methods the connection's method table
     */
    public void register(MethodTable methods) {
        methods.request(AcpMethods.AUTHENTICATE, AuthenticateRequest.class, this::authenticate)
                .request(AcpMethods.LOGOUT, LogoutRequest.class, this::logout);
    }

    private AuthenticateResponse authenticate(AuthenticateRequest request, RequestContext context) throws InterruptedException {
        client.requireInitialized(AcpMethods.AUTHENTICATE);
        AuthMethodConfig method = registry.find(request.methodId())
                .filter(m -> m.type() != AuthMethodType.TERMINAL || registry.offersTerminalMethods(client))
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.invalidParams("unknown methodId '"
                        + EchoedText.of(request.methodId()) + "'; this agent advertises: " + String.join(", ", gate.availableMethodIds()))));
        switch (method.type()) {
            case TERMINAL -> throw new JsonRpcException(JsonRpcError.invalidParams("'" + method.id()
                    + "' is a terminal method: clients run it by launching the agent with its args"
                    + " in a terminal, never through authenticate"));
            case ENV_VAR, START_PARAM -> launchValues(method);
            case API_KEY_PAGE -> {
                if (resolver.resolve(method.provider(), Credential.Kind.API_KEY).isEmpty()) {
                    apiKeyPage.authenticate(method, userPrompt(method, context), context.cancellation());
                }
            }
            case OAUTH2 -> {
                // a stored token is refreshed (once, under the store's lock) before any new sign-in
                if (resolver.resolve(method.provider(), Credential.Kind.ACCESS_TOKEN).isEmpty()) {
                    requireNoExchangeFault(method);
                    Duration timeout = method.oauth().timeout() != null ? method.oauth().timeout() : elicitationTimeout;
                    if (!client.supportsUrlElicitation()) {
                        requireNoDeviceCode(method, timeout);
                    }
                    oauth.signIn(method, userPrompt(method, context), context.cancellation(), timeout,
                            failure -> errors.interactionFailed(method, failure, timeout));
                    requireExchanged(method);
                }
            }
            default -> throw new IllegalStateException(method.type().toString());
        }
        log.info("authenticated with {}", method.id());
        return new AuthenticateResponse(null);
    }

    /**
     * The stored token is usable but its exchange failed for a reason a new sign-in cannot fix
     * (unreachable, a server error): say so instead of signing in again.
     */
    private void requireNoExchangeFault(AuthMethodConfig method) {
        resolver.exchangeFailure(method.provider()).filter(failure -> !failure.refused()).ifPresent(failure -> {
            throw errors.exchangeFailed(method, failure);
        });
    }

    /** After a sign-in: an {@code exchange} must turn the new token into an API token. */
    private void requireExchanged(AuthMethodConfig method) {
        if (method.oauth().exchange() != null && resolver.storedOAuth(method.provider()).isEmpty()) {
            resolver.exchangeFailure(method.provider()).ifPresent(failure -> {
                throw errors.exchangeFailed(method, failure);
            });
        }
    }

    private void launchValues(AuthMethodConfig method) {
        List<String> missing = registry.missingValues(method);
        if (!missing.isEmpty()) {
            List<String> fileProblems = missing.stream()
                    .flatMap(name -> registry.launchProblem(method, name).map(p -> name + ": " + p).stream())
                    .toList();
            String howTo = !fileProblems.isEmpty()
                    ? String.join("; ", fileProblems) + ". Fix it and restart the agent, then authenticate with '"
                            + method.id() + "' again"
                    : method.type() == AuthMethodType.ENV_VAR
                    ? "Set " + String.join(", ", missing) + " in the agent's environment, restart the agent,"
                            + " then authenticate with '" + method.id() + "' again"
                    : "Restart the agent with " + String.join(", ", missing.stream().map(f -> f + " FILE").toList())
                            + " (a file holding the value), then authenticate with '" + method.id() + "' again";
            throw errors.restartNeeded(method, missing, howTo);
        }
        resolver.acceptLaunchValues(method.provider());
    }

    /**
     * How the user is sent to a sign-in URL: the client's URL elicitation when it advertised one,
     * else the agent opens the user's browser itself; where neither can work, the request fails
     * now with what to do instead.
     */
    private BiFunction<URI, String, UserPrompt> userPrompt(AuthMethodConfig method, RequestContext context) {
        if (client.supportsUrlElicitation()) {
            return (url, message) -> UrlElicitation.forRequest(context.peer(), context.id(), url, message);
        }
        requireBrowser(method);
        return (url, message) -> BrowserPrompt.open(browser.get(), url, message);
    }

    private void requireBrowser(AuthMethodConfig method) {
        String unavailable = browser.get().unavailable().orElse(null);
        if (unavailable != null) {
            throw errors.noWayToOpenUrl(method, unavailable);
        }
    }

    /** The device grant's user code can be shown only in an elicitation's message (stdout is JSON-RPC). */
    private void requireNoDeviceCode(AuthMethodConfig method, Duration timeout) {
        requireBrowser(method);
        boolean device;
        try {
            device = oauth.usesDeviceFlow(method);
        } catch (OAuthException e) {
            throw errors.interactionFailed(method, e, timeout);
        }
        if (device) {
            throw errors.noWayToOpenUrl(method, "a device-code sign-in needs a client that can show the code");
        }
    }

    /**
     * {@code logout}: all of this agent's providers, or with {@code _meta: {"provider": P}} (or
     * {@code {"methodId": M}}, M's provider) only that one; its stored credentials are revoked
     * and erased, and its launch values stop counting until it authenticates again.
     */
    private LogoutResponse logout(LogoutRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.LOGOUT);
        String provider = logoutProvider(request.meta());
        List<String> erased = credentials.erase(provider);
        (provider == null ? credentials.providers() : List.of(provider)).forEach(resolver::ignoreLaunchValues);
        log.info("logged out{}: erased the stored credentials of {}", provider == null ? "" : " of " + provider,
                erased.isEmpty() ? "nobody" : String.join(", ", erased));
        return new LogoutResponse(null);
    }

    /** The provider {@code _meta} names, or null for all; -32602 for one this agent does not know. */
    private String logoutProvider(Map<String, Object> meta) {
        Object provider = meta == null ? null : meta.get(LOGOUT_PROVIDER);
        Object methodId = meta == null ? null : meta.get(LOGOUT_METHOD_ID);
        if (provider == null && methodId == null) {
            return null;
        }
        if (provider != null && methodId != null) {
            throw invalidLogout("give _meta.provider or _meta.methodId, not both");
        }
        if (!((provider != null ? provider : methodId) instanceof String)) {
            throw invalidLogout("_meta." + (provider != null ? LOGOUT_PROVIDER : LOGOUT_METHOD_ID) + " must be a string");
        }
        if (methodId != null) {
            return registry.find((String) methodId).map(AuthMethodConfig::provider).orElseThrow(() -> invalidLogout(
                    "unknown methodId '" + EchoedText.of((String) methodId) + "'; this agent advertises: " + String.join(", ", registry.ids())));
        }
        if (!credentials.knows((String) provider)) {
            throw invalidLogout("unknown provider '" + EchoedText.of((String) provider) + "'; this agent's providers: "
                    + String.join(", ", credentials.providers()));
        }
        return (String) provider;
    }

    private static JsonRpcException invalidLogout(String message) {
        return new JsonRpcException(JsonRpcError.invalidParams("logout: " + message));
    }
}
