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
    /**
     * Starts handling the request and returns at once.
     *
     * @param params the bound params
     * @param context the request's id, method, cancellation and connection
     * @return the stage that completes with the result, or exceptionally with the error to answer
     * @throws Exception when the request cannot even start; answered as {@link RequestHandler} failures are
     */
    CompletionStage<R> handle(P params, RequestContext context) throws Exception;
}
