package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Session-related capabilities of the client.
 *
 * @param configOptions all config options of the session, or null for none
 * @param meta extension data ({@code _meta}), or null
 */
public record ClientSessionCapabilities(
        @JsonProperty("configOptions") SessionConfigOptionsCapabilities configOptions,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
