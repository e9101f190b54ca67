package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code session/new}: the new session id and its initial modes and config options.
 *
 * @param sessionId the ACP session id
 * @param modes the modes and the current one, or null when the agent has none
 * @param configOptions all config options of the session, or null for none
 * @param meta extension data ({@code _meta}), or null
 */
public record NewSessionResponse(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty("modes") SessionModeState modes,
        @JsonProperty("configOptions") List<SessionConfigOption> configOptions,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A result without modes or config options.
     *
     * @param sessionId the id of the new session
     * @return the result
     */
    public static NewSessionResponse of(String sessionId) {
        return new NewSessionResponse(sessionId, null, null, null);
    }
}
