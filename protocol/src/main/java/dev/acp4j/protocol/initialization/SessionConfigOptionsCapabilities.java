package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Session config option kinds the client supports beyond {@code select}. */
public record SessionConfigOptionsCapabilities(
        @JsonProperty("boolean") BooleanConfigOptionCapabilities booleanOptions,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
