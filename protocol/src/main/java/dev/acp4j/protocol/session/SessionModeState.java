package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The modes available in a session and the current one.
 *
 * @param currentModeId the mode the session is in
 * @param availableModes the modes it can be in
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionModeState(
        @JsonProperty(value = "currentModeId", required = true) String currentModeId,
        @JsonProperty(value = "availableModes", required = true) List<SessionMode> availableModes,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
