package dev.acp4j.auth;

import dev.acp4j.jsonrpc.RequestContext;

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
}
