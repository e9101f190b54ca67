package dev.acp4j.jsonrpc;

/** Handles a notification on the read loop, in arrival order; it must return promptly. */
@FunctionalInterface
public interface NotificationHandler<P> {
    void handle(P params) throws Exception;
}
