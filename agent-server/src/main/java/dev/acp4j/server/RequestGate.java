package dev.acp4j.server;

import dev.acp4j.jsonrpc.RequestContext;

/**
 * Admits or refuses a request that needs the agent's credential (session creation, prompts)
 * by throwing the error to answer with.
 */
@FunctionalInterface
public interface RequestGate {

    RequestGate OPEN = (method, context) -> {
    };

    void admit(String method, RequestContext context);
}
