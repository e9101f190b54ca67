package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.auth.AuthCapabilities;
import dev.acp4j.protocol.elicitation.ElicitationCapabilities;
import java.util.Map;

/**
 * Capabilities the client advertises in {@code initialize}.
 *
 * @param fs the file system methods the client supports
 * @param terminal whether the client supports the {@code terminal/*} methods
 * @param session session features the client supports, e.g. boolean config options
 * @param auth auth features the client supports, e.g. terminal methods
 * @param elicitation the elicitation modes the client supports
 * @param meta extension data ({@code _meta}), or null
 */
public record ClientCapabilities(
        @JsonProperty("fs") FileSystemCapabilities fs,
        @JsonProperty("terminal") Boolean terminal,
        @JsonProperty("session") ClientSessionCapabilities session,
        @JsonProperty("auth") AuthCapabilities auth,
        @JsonProperty("elicitation") ElicitationCapabilities elicitation,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
