package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** An answer to one incoming request: a result or an error, for the id the peer sent. */
record Response(JsonNode id, Object result, JsonRpcError error) {

    Response {
        id = id == null ? NullNode.getInstance() : id;
    }

    static Response result(JsonNode id, Object result) {
        return new Response(id, result, null);
    }

    static Response error(JsonNode id, JsonRpcError error) {
        return new Response(id, null, error);
    }
}
