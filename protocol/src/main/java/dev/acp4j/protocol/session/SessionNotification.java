package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code session/update}: a real-time update about a session.
 *
 * @param sessionId the ACP session id
 * @param update the update
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionNotification(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "update", required = true) SessionUpdate update,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Params without {@code _meta}.
     *
     * @param sessionId the session the update is about
     * @param update the update
     * @return the notification params
     */
    public static SessionNotification of(String sessionId, SessionUpdate update) {
        return new SessionNotification(sessionId, update, null);
    }
}
