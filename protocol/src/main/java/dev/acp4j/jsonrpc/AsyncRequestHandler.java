package dev.acp4j.jsonrpc;

import java.util.concurrent.CompletionStage;

/**
 * Handles a request on the read loop, in arrival order, and answers later through the
 * returned stage. It must return at once: any waiting belongs in the stage. Use it when a
 * request must take effect before the next message is read (e.g. a turn that a following
 * cancel notification must find).
 */
@FunctionalInterface
public interface AsyncRequestHandler<P, R> {
    CompletionStage<R> handle(P params, RequestContext context) throws Exception;
}
