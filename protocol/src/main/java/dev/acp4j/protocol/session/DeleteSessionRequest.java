package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code session/delete}: forget a session so it can no longer be listed, loaded or resumed.
 *
 * @param sessionId the ACP session id
 * @param meta extension data ({@code _meta}), or null
 */
public record DeleteSessionRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Deletes the given session.
     *
     * @param sessionId the session to delete
     * @return the request params
     */
    public static DeleteSessionRequest of(String sessionId) {
        return new DeleteSessionRequest(sessionId, null);
    }
}
