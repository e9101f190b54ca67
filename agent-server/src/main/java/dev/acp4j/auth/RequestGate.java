package dev.acp4j.auth;

import dev.acp4j.jsonrpc.RequestContext;
import java.util.List;

/**
 * Admits or refuses a request that needs the agent's credential (session creation, prompts)
 * by throwing the error to answer with.
 */
@FunctionalInterface
public interface RequestGate {

    /** Admits every request. */
    RequestGate OPEN = (method, context) -> {
    };

    /**
     * Returns when the request may go on; otherwise throws the error it is answered with.
     *
     * @param method the request's method
     * @param context the request, as the JSON-RPC peer sees it
     */
    void admit(String method, RequestContext context);

    /**
     * As {@link #admit(String, RequestContext)}, for a request that needs the credential of each of
     * {@code providers} (none: any provider's). By default the providers are not looked at.
     *
     * @param method the request's method
     * @param context the request, as the JSON-RPC peer sees it
     * @param providers the providers the request needs, in the order to name them; empty for any
     */
    default void admit(String method, RequestContext context, List<String> providers) {
        admit(method, context);
    }
}
