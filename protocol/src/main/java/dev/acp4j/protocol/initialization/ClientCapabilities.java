package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.auth.AuthCapabilities;
import dev.acp4j.protocol.elicitation.ElicitationCapabilities;
import java.util.Map;

/** Capabilities the client advertises in {@code initialize}. */
public record ClientCapabilities(
        @JsonProperty("fs") FileSystemCapabilities fs,
        @JsonProperty("terminal") Boolean terminal,
        @JsonProperty("session") ClientSessionCapabilities session,
        @JsonProperty("auth") AuthCapabilities auth,
        @JsonProperty("elicitation") ElicitationCapabilities elicitation,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
