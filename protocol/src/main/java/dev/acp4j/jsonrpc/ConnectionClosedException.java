package dev.acp4j.jsonrpc;

/** Completes outgoing requests that were still waiting when the connection closed. */
public final class ConnectionClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The connection closed before the answer came. */
    public ConnectionClosedException() {
        super("connection closed", null, false, false);
    }
}
