package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code session/set_mode}: switch a session to another of its modes.
 *
 * @param sessionId the ACP session id
 * @param modeId the {@code id} of the mode to switch to
 * @param meta extension data ({@code _meta}), or null
 */
public record SetSessionModeRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "modeId", required = true) String modeId,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
