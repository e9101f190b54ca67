package dev.acp4j.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.interaction.Browser;
import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UrlElicitation;
import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.protocol.AcpErrorCodes;
import dev.acp4j.protocol.auth.AuthRequiredData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** The -32000 errors of {@code authenticate}, each with a message that says what to do next. */
final class AuthErrors {

    private final AuthGate gate;
    private final AuthMethodRegistry registry;
    private final ObjectMapper mapper;
    private final AgentIdentity identity;

    AuthErrors(AuthGate gate, AuthMethodRegistry registry, ObjectMapper mapper, AgentIdentity identity) {
        this.gate = gate;
        this.registry = registry;
        this.mapper = mapper;
        this.identity = identity;
    }

    JsonRpcException restartNeeded(AuthMethodConfig method, List<String> missing, String howTo) {
        return error(howTo, AuthRequiredData.restartWith(gate.availableMethodIds(), missing));
    }

    /**
     * The client cannot open a URL (no {@code elicitation.url}) and neither can the agent:
     * {@code why} says why not; the message says what to do instead.
     */
    JsonRpcException noWayToOpenUrl(AuthMethodConfig method, String why) {
        List<String> alternatives = gate.methodIdsWithoutElicitation();
        return error("Cannot sign in with '" + method.name() + "' here: this client cannot open web pages and " + why
                + ". Instead, " + SignInAdvice.instead(method, registry.all(), registry, identity) + ".",
                AuthRequiredData.of(alternatives));
    }

    JsonRpcException interactionFailed(AuthMethodConfig method, Throwable cause, Duration timeout) {
        String message;
        if (cause instanceof UrlElicitation.DeclinedException declined) {
            message = declined.cancelled()
                    ? "The user cancelled the sign-in with '" + method.id() + "'"
                    : "The user declined to sign in with '" + method.id() + "'";
        } else if (cause instanceof Browser.OpenFailedException browser) {
            message = "Cannot sign in with '" + method.name() + "': " + browser.getMessage() + ". Instead, "
                    + SignInAdvice.instead(method, registry.all(), registry, identity) + ".";
            return error(message, AuthRequiredData.of(gate.methodIdsWithoutElicitation()));
        } else if (cause instanceof TimeoutException) {
            message = "Sign-in with '" + method.id() + "' was not completed within " + Interaction.describe(timeout)
                    + "; call authenticate again to retry";
        } else if (cause instanceof dev.acp4j.auth.oauth.OAuthException oauth) {
            message = "Sign-in with '" + method.id() + "' failed at the authorization server: " + oauth.getMessage();
        } else if (cause instanceof JsonRpcException rpc) {
            message = "Sign-in with '" + method.id() + "' failed: the client answered " + rpc.error().message();
        } else {
            message = "Sign-in with '" + method.id() + "' failed: " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return error(message, AuthRequiredData.of(gate.availableMethodIds()));
    }

    /** The sign-in worked (or a stored one is usable) but the method's {@code exchange} gave no API token. */
    JsonRpcException exchangeFailed(AuthMethodConfig method, dev.acp4j.auth.oauth.TokenExchangeException failure) {
        return error("No API token for " + method.providerName() + ": " + failure.getMessage()
                + (failure.refused() ? "; sign in again (another account may have access)" : "; try again later"),
                AuthRequiredData.of(gate.availableMethodIds()));
    }

    JsonRpcException error(String message, AuthRequiredData data) {
        return new JsonRpcException(new JsonRpcError(AcpErrorCodes.AUTH_REQUIRED, message, mapper.valueToTree(data)));
    }
}
