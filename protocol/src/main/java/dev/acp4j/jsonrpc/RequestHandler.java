package dev.acp4j.jsonrpc;

/** Handles a request on a handler thread; may block (for example on a peer's answer). */
@FunctionalInterface
public interface RequestHandler<P, R> {
    /**
     * Answers the request.
     *
     * @param params the bound params
     * @param context the request's id, method, cancellation and connection
     * @return the result
     * @throws Exception a {@link JsonRpcException} to answer with that error; anything else answers {@code -32603}
     */
    R handle(P params, RequestContext context) throws Exception;
}
