package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC 2.0 error object. Messages are single-line and never carry a stack trace or a
 * secret: they are shown to users by editors.
 *
 * @param code the error code, e.g. {@code -32602}
 * @param message one line the user reads
 * @param data extra information, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonRpcError(
        @JsonProperty(value = "code", required = true) int code,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty("data") JsonNode data) {

    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON sent is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist or is not available. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** An internal JSON-RPC error; the cause is logged, never sent. */
    public static final int INTERNAL_ERROR = -32603;
    /** LSP/ACP convention for a request that was cancelled by {@code $/cancel_request}. */
    public static final int REQUEST_CANCELLED = -32800;

    /**
     * Makes the message one line (a null message reads as empty).
     *
     * @param code the error code
     * @param message what the user reads
     * @param data extra information, or null
     */
    public JsonRpcError {
        message = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * An error without {@code data}.
     *
     * @param code the error code
     * @param message what the user reads
     */
    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }

    /**
     * {@code -32700}, message {@code "Parse error: <detail>"}.
     *
     * @param detail what could not be parsed
     * @return the error
     */
    public static JsonRpcError parseError(String detail) {
        return new JsonRpcError(PARSE_ERROR, "Parse error: " + detail);
    }

    /**
     * {@code -32600}, message {@code "Invalid Request: <detail>"}.
     *
     * @param detail what is wrong
     * @return the error
     */
    public static JsonRpcError invalidRequest(String detail) {
        return new JsonRpcError(INVALID_REQUEST, "Invalid Request: " + detail);
    }

    /**
     * {@code -32601}, message {@code "Method not found: <method>"} (shown as {@link EchoedText} shows it).
     *
     * @param method the unknown method
     * @return the error
     */
    public static JsonRpcError methodNotFound(String method) {
        return new JsonRpcError(METHOD_NOT_FOUND, "Method not found: " + EchoedText.of(method));
    }

    /**
     * {@code -32602}, message {@code "Invalid params: <detail>"}.
     *
     * @param detail which field is wrong, and why
     * @return the error
     */
    public static JsonRpcError invalidParams(String detail) {
        return new JsonRpcError(INVALID_PARAMS, "Invalid params: " + detail);
    }

    /**
     * {@code -32603}, message {@code "Internal error"}.
     *
     * @return the error
     */
    public static JsonRpcError internalError() {
        return new JsonRpcError(INTERNAL_ERROR, "Internal error");
    }

    /**
     * {@code -32800}, message {@code "Request cancelled"}.
     *
     * @return the error
     */
    public static JsonRpcError requestCancelled() {
        return new JsonRpcError(REQUEST_CANCELLED, "Request cancelled");
    }

    /**
     * A copy with {@code data}.
     *
     * @param newData the data
     * @return the copy
     */
    public JsonRpcError withData(JsonNode newData) {
        return new JsonRpcError(code, message, newData);
    }
}
