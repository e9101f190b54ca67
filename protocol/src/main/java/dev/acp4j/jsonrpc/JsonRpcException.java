package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error as an exception: thrown by a handler (an agent's {@code prompt} included) to
 * answer the request with exactly this error, and by an outgoing request's future when the peer
 * answered with an error.
 *
 * <p>Any other exception a handler throws reaches the client as {@code -32603 "Internal error"}
 * (its cause is logged on stderr with the request's method and id, never on the wire), so an
 * author who wants the client to see why a request failed throws one of these:
 *
 * <pre>{@code
 * throw JsonRpcException.invalidParams("'path' must be inside the session's cwd");
 * throw JsonRpcException.of(AcpErrorCodes.RESOURCE_NOT_FOUND, "no file " + path);
 * throw JsonRpcException.of(-32050, "The model is overloaded; try again in a minute",
 *         Map.of("retryAfterSeconds", 60));
 * }</pre>
 *
 * <p>The message is shown to users by editors: keep it one line (line breaks are replaced by
 * spaces) and free of secrets and stack traces. JSON-RPC reserves -32768..-32000 for predefined
 * and server errors; ACP names -32000 (authentication required) and -32002 (resource not found).
 */
public class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JsonRpcError error;

    /**
     * Answers the request with {@code error}.
     *
     * @param error the error
     */
    public JsonRpcException(JsonRpcError error) {
        super(error.code() + " " + error.message(), null, false, false);
        this.error = error;
    }

    /**
     * {@code -32602}, message {@code "Invalid params: <detail>"}.
     *
     * @param detail which field is wrong, and why
     * @return the exception
     */
    public static JsonRpcException invalidParams(String detail) {
        return new JsonRpcException(JsonRpcError.invalidParams(detail));
    }

    /**
     * An error with this {@code code} and {@code message}, without {@code data}.
     *
     * @param code the error code
     * @param message what the user reads
     * @return the exception
     */
    public static JsonRpcException of(int code, String message) {
        return new JsonRpcException(new JsonRpcError(code, message));
    }

    /**
     * An error with this {@code code}, {@code message} and {@code data}: a {@link JsonNode} as it
     * is, anything else (a record, a map, a list) converted to JSON as acp4j writes its messages.
     *
     * @param code the error code
     * @param message what the user reads
     * @param data extra information, or null
     * @return the exception
     */
    public static JsonRpcException of(int code, String message, Object data) {
        JsonNode tree = data == null || data instanceof JsonNode ? (JsonNode) data : Json.shared().valueToTree(data);
        return new JsonRpcException(new JsonRpcError(code, message, tree));
    }

    /** {@return the error the request is answered with (or that the peer answered)} */
    public JsonRpcError error() {
        return error;
    }

    /** {@return the error code} */
    public int code() {
        return error.code();
    }
}
