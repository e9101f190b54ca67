package dev.acp4j.jsonrpc;

/**
 * Thrown by a handler to answer with a specific JSON-RPC error, and by an outgoing request's
 * future when the peer answered with an error.
 */
public class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JsonRpcError error;

    public JsonRpcException(JsonRpcError error) {
        super(error.code() + " " + error.message(), null, false, false);
        this.error = error;
    }

    public JsonRpcError error() {
        return error;
    }

    public int code() {
        return error.code();
    }
}
