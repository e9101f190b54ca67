package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A mode the agent can operate in (e.g. ask, architect, code).
 *
 * @param id the id {@code session/set_mode} names
 * @param name shown to the user
 * @param description longer text, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionMode(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
