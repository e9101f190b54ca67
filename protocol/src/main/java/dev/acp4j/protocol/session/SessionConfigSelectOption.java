package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A value a select config option can take.
 *
 * @param value the value sent back in {@code session/set_config_option}
 * @param name shown to the user
 * @param description longer text, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionConfigSelectOption(
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A choice without description.
     *
     * @param value the value sent back in {@code session/set_config_option}
     * @param name the display name
     * @return the choice
     */
    public static SessionConfigSelectOption of(String value, String name) {
        return new SessionConfigSelectOption(value, name, null, null);
    }
}
