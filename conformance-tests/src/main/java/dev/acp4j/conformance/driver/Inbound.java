package dev.acp4j.conformance.driver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line the agent wrote to stdout, classified.
 *
 * @param seq  position in the scenario's stdout (0-based)
 * @param raw  the line as read (without its newline)
 * @param json the parsed value, or null when the line is not JSON
 * @param kind what JSON-RPC 2.0 makes of it
 */
public record Inbound(long seq, String raw, JsonNode json, Kind kind) {

    /** The JSON-RPC 2.0 message kinds, plus the line that is none of them. */
    public enum Kind { REQUEST, NOTIFICATION, RESPONSE, NOT_JSON_RPC }

    public static Inbound classify(long seq, String raw) {
        JsonNode json = Json.parse(raw).orElse(null);
        return new Inbound(seq, raw, json, kindOf(json));
    }

    private static Kind kindOf(JsonNode json) {
        if (json == null || !json.isObject() || !"2.0".equals(json.path("jsonrpc").asText(null))
                || !json.get("jsonrpc").isTextual()) {
            return Kind.NOT_JSON_RPC;
        }
        if (json.has("method")) {
            if (!json.get("method").isTextual()) {
                return Kind.NOT_JSON_RPC;
            }
            return json.has("id") ? Kind.REQUEST : Kind.NOTIFICATION;
        }
        if (json.has("id")) {
            return Kind.RESPONSE; // whether it has exactly one of result/error is judged separately
        }
        return Kind.NOT_JSON_RPC;
    }

    public boolean isResponse() {
        return kind == Kind.RESPONSE;
    }

    /** True when this is the response to the request with exactly this id. */
    public boolean answers(JsonNode requestId) {
        return kind == Kind.RESPONSE && Json.write(requestId).equals(Json.write(id()));
    }

    public String method() {
        return json == null ? null : json.path("method").asText(null);
    }

    public JsonNode id() {
        return json == null ? null : json.get("id");
    }
}
