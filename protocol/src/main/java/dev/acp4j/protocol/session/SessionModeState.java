package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The modes available in a session and the current one. */
public record SessionModeState(
        @JsonProperty(value = "currentModeId", required = true) String currentModeId,
        @JsonProperty(value = "availableModes", required = true) List<SessionMode> availableModes,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
