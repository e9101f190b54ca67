package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC 2.0 error object. Messages are single-line and never carry a stack trace or a
 * secret: they are shown to users by editors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonRpcError(
        @JsonProperty(value = "code", required = true) int code,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty("data") JsonNode data) {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** LSP/ACP convention for a request that was cancelled by {@code $/cancel_request}. */
    public static final int REQUEST_CANCELLED = -32800;

    public JsonRpcError {
        message = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
    }

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }

    public static JsonRpcError parseError(String detail) {
        return new JsonRpcError(PARSE_ERROR, "Parse error: " + detail);
    }

    public static JsonRpcError invalidRequest(String detail) {
        return new JsonRpcError(INVALID_REQUEST, "Invalid Request: " + detail);
    }

    public static JsonRpcError methodNotFound(String method) {
        return new JsonRpcError(METHOD_NOT_FOUND, "Method not found: " + EchoedText.of(method));
    }

    public static JsonRpcError invalidParams(String detail) {
        return new JsonRpcError(INVALID_PARAMS, "Invalid params: " + detail);
    }

    public static JsonRpcError internalError() {
        return new JsonRpcError(INTERNAL_ERROR, "Internal error");
    }

    public static JsonRpcError requestCancelled() {
        return new JsonRpcError(REQUEST_CANCELLED, "Request cancelled");
    }

    public JsonRpcError withData(JsonNode newData) {
        return new JsonRpcError(code, message, newData);
    }
}
