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

/**
 * AUTH_REQUIRED: requests that need a credential fail with -32000 and the ids of the methods
 * that can satisfy them, until a usable credential exists (one stored by an earlier process
 * counts). With no auth methods configured nothing is gated.
 */
public final class AuthGate implements RequestGate {

    private final AuthMethodRegistry registry;
    private final CredentialResolver resolver;
    private final ClientAbilities client;
    private final ObjectMapper mapper;

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
