package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code session/close}: end a session and free its resources.
 *
 * @param sessionId the ACP session id
 * @param meta extension data ({@code _meta}), or null
 */
public record CloseSessionRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Closes the given session.
     *
     * @param sessionId the session to close
     * @return the request params
     */
    public static CloseSessionRequest of(String sessionId) {
        return new CloseSessionRequest(sessionId, null);
    }
}
