package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Session config option kinds the client supports beyond {@code select}.
 *
 * @param booleanOptions present when the client takes {@code boolean} options
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionConfigOptionsCapabilities(
        @JsonProperty("boolean") BooleanConfigOptionCapabilities booleanOptions,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
