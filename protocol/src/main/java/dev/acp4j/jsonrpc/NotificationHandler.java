package dev.acp4j.jsonrpc;

/** Handles a notification on the read loop, in arrival order; it must return promptly. */
@FunctionalInterface
public interface NotificationHandler<P> {
    /**
     * Handles the notification; a failure is logged (a notification has no answer).
     *
     * @param params the bound params
     * @throws Exception any failure
     */
    void handle(P params) throws Exception;
}
