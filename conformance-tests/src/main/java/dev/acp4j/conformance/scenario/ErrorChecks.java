package dev.acp4j.conformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.driver.Json;

/** Shared judgements on JSON-RPC error responses. */
final class ErrorChecks {

    private ErrorChecks() {
    }

    /** Null when {@code response} is an error with {@code code}, else what it is instead. */
    static String expectCode(JsonNode response, int code) {
        JsonNode error = response.path("error");
        if (!error.isObject()) {
            return "expected error " + code + " but got " + Json.brief(response);
        }
        JsonNode actual = error.path("code");
        if (!actual.isIntegralNumber() || actual.intValue() != code) {
            return "expected error " + code + " but got error " + Json.brief(actual) + " '"
                    + error.path("message").asText("") + "'";
        }
        return null;
    }
}
