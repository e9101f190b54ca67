package dev.acp4j.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.jsonrpc.RequestContext;
import dev.acp4j.protocol.AcpErrorCodes;
import dev.acp4j.protocol.auth.AuthRequiredData;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH_REQUIRED: requests that need a credential fail with -32000 and the ids of the methods
 * that can satisfy them, until a usable credential exists (one stored by an earlier process
 * counts). A request that needs given providers is admitted only with a usable credential of each,
 * and its error lists and names only the providers missing. With no auth methods configured nothing
 * is gated.
 */
public final class AuthGate implements RequestGate {

    private static final Logger LOG = LoggerFactory.getLogger(AuthGate.class);

    private final AuthMethodRegistry registry;
    private final CredentialResolver resolver;
    private final ClientAbilities client;
    private final ObjectMapper mapper;

    /**
     * A gate for the given methods and client.
     *
     * @param registry the configured auth methods, named in the AUTH_REQUIRED error
     * @param resolver finds the usable credentials
     * @param client what the client can do, deciding which methods it is offered
     * @param mapper writes the error's {@code data}
     */
    public AuthGate(AuthMethodRegistry registry, CredentialResolver resolver, ClientAbilities client, ObjectMapper mapper) {
        this.registry = registry;
        this.resolver = resolver;
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public void admit(String method, RequestContext context) {
        if (registry.isEmpty() || resolver.anyUsable().isPresent()) {
            return;
        }
        List<AuthMethodConfig> available = availableMethods();
        throw new JsonRpcException(new JsonRpcError(AcpErrorCodes.AUTH_REQUIRED,
                SignInAdvice.authRequired(available, registry),
                mapper.valueToTree(AuthRequiredData.of(available.stream().map(AuthMethodConfig::id).toList()))));
    }

    @Override
    public void admit(String method, RequestContext context, List<String> providers) {
        if (providers.isEmpty()) {
            admit(method, context);
            return;
        }
        if (registry.isEmpty()) {
            return;
        }
        List<String> missing = providers.stream().filter(p -> resolver.resolve(p).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<AuthMethodConfig> available = availableMethods(Set.copyOf(missing));
        List<String> names = missing.stream().map(this::providerName).toList();
        if (available.isEmpty()) {
            LOG.warn("{} needs a credential of {}, and no configured auth method yields one", method,
                    String.join(", ", missing));
        }
        throw new JsonRpcException(new JsonRpcError(AcpErrorCodes.AUTH_REQUIRED,
                SignInAdvice.authRequired(names, available, registry),
                mapper.valueToTree(AuthRequiredData.of(available.stream().map(AuthMethodConfig::id).toList()))));
    }

    /**
     * The methods the client can use to sign in to one of {@code providers}, in preference order: those
     * of these providers, and terminal methods (for clients that run them) that do not name a method of
     * another provider (a bare {@code --login} offers every method).
     */
    List<AuthMethodConfig> availableMethods(Set<String> providers) {
        return availableMethods().stream()
                .filter(m -> providers.contains(m.provider()) || m.type() == AuthMethodType.TERMINAL
                        && terminalProvider(m).map(providers::contains).orElse(true))
                .toList();
    }

    /** The provider a terminal method logs in to when its args start with a method id; empty for a bare login. */
    private java.util.Optional<String> terminalProvider(AuthMethodConfig terminal) {
        List<String> args = terminal.args();
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return java.util.Optional.empty();
        }
        return registry.find(args.get(0)).map(AuthMethodConfig::provider);
    }

    /** How people read {@code provider}: the first of its methods' {@code providerName}. */
    private String providerName(String provider) {
        return registry.all().stream().filter(m -> m.provider().equals(provider) && m.type() != AuthMethodType.TERMINAL)
                .map(AuthMethodConfig::providerName).findFirst().orElse(provider);
    }

    /** Every method the client can use, in preference order (terminal only for clients that run it). */
    List<AuthMethodConfig> availableMethods() {
        return registry.all().stream()
                .filter(m -> m.type() != AuthMethodType.TERMINAL || registry.offersTerminalMethods(client))
                .toList();
    }

    List<String> availableMethodIds() {
        return availableMethods().stream().map(AuthMethodConfig::id).toList();
    }

    /** Methods that work without URL elicitation: terminal (if the client runs it), env_var, start_param. */
    List<String> methodIdsWithoutElicitation() {
        return registry.all().stream()
                .filter(m -> m.type() == AuthMethodType.ENV_VAR || m.type() == AuthMethodType.START_PARAM
                        || m.type() == AuthMethodType.TERMINAL && registry.offersTerminalMethods(client))
                .map(AuthMethodConfig::id)
                .toList();
    }
}
