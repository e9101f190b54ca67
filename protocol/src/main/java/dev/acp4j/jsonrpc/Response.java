package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * An answer to one incoming request: a result or an error, for the id the peer sent, and the
 * handler's context when it has actions to run after the answer is written.
 */
record Response(JsonNode id, Object result, JsonRpcError error, RequestContext context) {

    Response {
        id = id == null ? NullNode.getInstance() : id;
    }

    static Response error(JsonNode id, JsonRpcError error) {
        return new Response(id, null, error, null);
    }
}
