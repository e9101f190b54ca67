package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a request handler knows besides its params: the request id exactly as the peer sent
 * it, the method, a cancellation signal ({@code $/cancel_request} or the connection closing)
 * and the connection, to send the peer requests and notifications of its own.
 */
public record RequestContext(JsonNode id, String method, CancellationToken cancellation,
                             JsonRpcConnection peer) {
}
