package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code session/cancel}: stop the ongoing prompt turn of a session.
 *
 * @param sessionId the ACP session id
 * @param meta extension data ({@code _meta}), or null
 */
public record CancelNotification(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Cancels the session's ongoing prompt turn.
     *
     * @param sessionId the session whose turn to cancel
     * @return the notification params
     */
    public static CancelNotification of(String sessionId) {
        return new CancelNotification(sessionId, null);
    }
}
