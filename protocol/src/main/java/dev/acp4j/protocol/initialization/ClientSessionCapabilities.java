package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Session-related capabilities of the client. */
public record ClientSessionCapabilities(
        @JsonProperty("configOptions") SessionConfigOptionsCapabilities configOptions,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
