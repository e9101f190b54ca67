package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a request handler knows besides its params: the request id exactly as the peer sent
 * it, the method, a cancellation signal ({@code $/cancel_request} or the connection closing)
 * and the connection, to send the peer requests and notifications of its own.
 */
public final class RequestContext {

    private final JsonNode id;
    private final String method;
    private final CancellationToken cancellation;
    private final JsonRpcConnection peer;
    private final List<Runnable> afterResponse = new CopyOnWriteArrayList<>();

    RequestContext(JsonNode id, String method, CancellationToken cancellation, JsonRpcConnection peer) {
        this.id = id;
        this.method = method;
        this.cancellation = cancellation;
        this.peer = peer;
    }

    /** {@return the request id as the peer sent it (string, number or null)} */
    public JsonNode id() {
        return id;
    }

    /** {@return the method, e.g. {@code session/prompt}} */
    public String method() {
        return method;
    }

    /** {@return the cancellation, signalled by the peer's {@code $/cancel_request} or the connection closing} */
    public CancellationToken cancellation() {
        return cancellation;
    }

    /** {@return the connection, to send the peer requests and notifications} */
    public JsonRpcConnection peer() {
        return peer;
    }

    /**
     * Runs {@code action} once this request's answer has been written, e.g. a notification
     * that refers to something the answer creates.
     *
     * @param action what to run
     */
    public void afterResponse(Runnable action) {
        afterResponse.add(action);
    }

    void runAfterResponse() {
        for (Runnable action : afterResponse) {
            action.run();
        }
    }
}
