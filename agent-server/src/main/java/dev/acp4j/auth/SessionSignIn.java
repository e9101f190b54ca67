package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UrlElicitation;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.oauth.OAuthException;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.jsonrpc.JsonRpcException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sign-in agent code starts during a prompt turn: an {@code api_key_page} or {@code oauth2}
 * method run as {@code authenticate} runs it (a usable credential of the method's kind is used as it
 * is, a stored token refreshed first), except that the user is sent to the page through a
 * <em>session-scoped</em> URL elicitation (the turn's session id, no request id). It blocks the
 * turn's thread, never the read loop.
 */
public final class SessionSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSignIn.class);

    private final AuthMethodRegistry registry;
    private final CredentialResolver resolver;
    private final OAuthSignIn oauth;
    private final ApiKeyPageAuthenticator apiKeyPage;
    private final Duration elicitationTimeout;

    /** @param auth the process's auth subsystem: its methods, store, resolver and OAuth sign-in */
    public SessionSignIn(AuthContext auth) {
        this.registry = auth.registry();
        this.resolver = auth.resolver();
        this.oauth = auth.oauth();
        this.elicitationTimeout = auth.elicitationTimeout();
        this.apiKeyPage = new ApiKeyPageAuthenticator(auth.store(), auth.clock(), auth.elicitationTimeout(), null,
                auth.identity());
    }

    /**
     * Signs in with {@code methodId} and returns the credential it yields.
     *
     * @param methodId the auth method to sign in with
     * @param prompt sends the user to a URL with a message (a session-scoped URL elicitation), or null
     *               when the client did not advertise {@code elicitation.url}
     * @param cancellation the turn's cancellation
     * @return the new credential
     * @throws SignInException when the sign-in cannot start, is declined or cancelled, times out or fails
     * @throws java.util.concurrent.CancellationException when {@code cancellation} (the turn's) is cancelled
     * @throws InterruptedException when the calling thread is interrupted
     */
    public Credential signIn(String methodId, BiFunction<URI, String, UserPrompt> prompt, CancellationToken cancellation)
            throws InterruptedException {
        AuthMethodConfig method = registry.find(methodId).orElseThrow(() -> new SignInException(
                SignInException.Reason.UNKNOWN_METHOD, methodId, "this agent has no auth method '" + methodId
                        + "' (its methods: " + String.join(", ", registry.ids()) + ")"));
        Credential.Kind kind = switch (method.type()) {
            case API_KEY_PAGE -> Credential.Kind.API_KEY;
            case OAUTH2 -> Credential.Kind.ACCESS_TOKEN;
            default -> throw new SignInException(SignInException.Reason.NOT_INTERACTIVE, methodId, "'" + method.name()
                    + "' cannot sign in during a turn: " + (method.type() == AuthMethodType.TERMINAL
                    ? "it runs in a terminal" : "its values come from the agent's launch, so it needs a restart"));
        };
        Optional<Credential> usable = resolver.resolve(method.provider(), kind);
        if (usable.isPresent()) {
            return usable.get();
        }
        if (prompt == null) {
            throw new SignInException(SignInException.Reason.NO_URL_ELICITATION, methodId, "signing in to "
                    + method.providerName() + " needs a client that can open a sign-in page (elicitation.url),"
                    + " and this one cannot");
        }
        Duration timeout = kind == Credential.Kind.ACCESS_TOKEN && method.oauth().timeout() != null
                ? method.oauth().timeout() : elicitationTimeout;
        try {
            if (kind == Credential.Kind.API_KEY) {
                apiKeyPage.authenticate(method, prompt, cancellation, failure -> failure(method, failure, timeout));
            } else {
                oauth.signIn(method, prompt, cancellation, timeout, failure -> failure(method, failure, timeout));
            }
        } catch (UncheckedIOException e) {
            throw new SignInException(SignInException.Reason.FAILED, methodId, "the sign-in with '" + method.name()
                    + "' could not start: " + e.getMessage());
        }
        LOG.info("signed in with {} during a turn", methodId);
        return resolver.resolve(method.provider(), kind).orElseThrow(() -> new SignInException(
                SignInException.Reason.FAILED, methodId, "the sign-in with '" + method.name()
                        + "' ended without a usable credential"));
    }

    private static SignInException failure(AuthMethodConfig method, Throwable cause, Duration timeout) {
        String id = method.id();
        if (cause instanceof SignInException signIn) {
            return signIn;
        }
        if (cause instanceof UrlElicitation.DeclinedException declined) {
            return new SignInException(declined.cancelled() ? SignInException.Reason.CANCELLED
                    : SignInException.Reason.DECLINED, id, "the user " + (declined.cancelled() ? "cancelled" : "declined")
                    + " the sign-in with '" + method.name() + "'");
        }
        if (cause instanceof TimeoutException) {
            return new SignInException(SignInException.Reason.TIMED_OUT, id, "the sign-in with '" + method.name()
                    + "' was not completed within " + Interaction.describe(timeout));
        }
        if (cause instanceof OAuthException oauth) {
            return new SignInException(SignInException.Reason.FAILED, id, "the sign-in with '" + method.name()
                    + "' failed at the authorization server: " + oauth.getMessage());
        }
        if (cause instanceof JsonRpcException rpc) {
            return new SignInException(SignInException.Reason.FAILED, id, "the sign-in with '" + method.name()
                    + "' failed: the client answered " + rpc.error().message());
        }
        return new SignInException(SignInException.Reason.FAILED, id, "the sign-in with '" + method.name() + "' failed: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    }
}
