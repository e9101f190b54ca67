package dev.acp4j.protocol;

/** The JSON-RPC error codes named by the ACP v1 schema ({@code ErrorCode}); other codes are allowed. */
public final class AcpErrorCodes {

    /** Parse error: the line is not JSON. */
    public static final int PARSE_ERROR = -32700;
    /** Invalid request: not a JSON-RPC 2.0 request. */
    public static final int INVALID_REQUEST = -32600;
    /** Method not found. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid params: a field is missing or of the wrong type. */
    public static final int INVALID_PARAMS = -32602;
    /** Internal error. */
    public static final int INTERNAL_ERROR = -32603;
    /** Authentication required: the client must {@code authenticate} first. */
    public static final int AUTH_REQUIRED = -32000;
    /** Resource not found, e.g. an unknown session. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** The request was cancelled ({@code $/cancel_request}). */
    public static final int REQUEST_CANCELLED = -32800;

    private AcpErrorCodes() {
    }
}
