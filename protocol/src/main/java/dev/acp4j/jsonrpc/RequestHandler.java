package dev.acp4j.jsonrpc;

/** Handles a request on a handler thread; may block (for example on a peer's answer). */
@FunctionalInterface
public interface RequestHandler<P, R> {
    R handle(P params, RequestContext context) throws Exception;
}
