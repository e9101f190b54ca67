package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A named group of values of a select config option.
 *
 * @param group the group id
 * @param name shown to the user
 * @param options the choices in the group
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionConfigSelectGroup(
        @JsonProperty(value = "group", required = true) String group,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "options", required = true) List<SessionConfigSelectOption> options,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
