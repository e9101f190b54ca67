package dev.acp4j.conformance.driver;

import com.fasterxml.jackson.databind.JsonNode;

/** A response the agent sent to one of the harness's requests. */
public record Response(String method, JsonNode message) {

    public boolean isError() {
        return message.has("error");
    }

    public boolean isResult() {
        return message.has("result") && !message.has("error");
    }

    public JsonNode result() {
        return message.path("result");
    }

    public JsonNode error() {
        return message.path("error");
    }

    /** The error code, or null when this is not an error with an integer code. */
    public Integer errorCode() {
        JsonNode code = message.path("error").path("code");
        return code.isIntegralNumber() ? code.intValue() : null;
    }

    /** "result {...}" or "error -32000 'message'", for report reasons. */
    public String describe() {
        if (isError()) {
            return "error " + errorCode() + " '" + message.path("error").path("message").asText("") + "'";
        }
        return "result " + Json.brief(result());
    }
}
