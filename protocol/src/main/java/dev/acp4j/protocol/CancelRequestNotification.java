package dev.acp4j.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Params of {@code $/cancel_request}: asks the peer to cancel an outstanding request.
 *
 * @param requestId the id of the request to cancel, as sent
 * @param meta extension data ({@code _meta}), or null
 */
public record CancelRequestNotification(
        @JsonProperty(value = "requestId", required = true) JsonNode requestId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Cancels the request with the given id, without {@code _meta}.
     *
     * @param requestId the {@code id} of the outstanding JSON-RPC request, as sent (number or string)
     * @return the notification params
     */
    public static CancelRequestNotification of(JsonNode requestId) {
        return new CancelRequestNotification(requestId, null);
    }
}
