package dev.acp4j.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Params of {@code $/cancel_request}: asks the peer to cancel an outstanding request. */
public record CancelRequestNotification(
        @JsonProperty(value = "requestId", required = true) JsonNode requestId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    public static CancelRequestNotification of(JsonNode requestId) {
        return new CancelRequestNotification(requestId, null);
    }
}
