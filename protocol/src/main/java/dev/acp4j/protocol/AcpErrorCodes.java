package dev.acp4j.protocol;

/** The JSON-RPC error codes named by the ACP v1 schema ({@code ErrorCode}); other codes are allowed. */
public final class AcpErrorCodes {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int AUTH_REQUIRED = -32000;
    public static final int RESOURCE_NOT_FOUND = -32002;
    public static final int REQUEST_CANCELLED = -32800;

    private AcpErrorCodes() {
    }
}
