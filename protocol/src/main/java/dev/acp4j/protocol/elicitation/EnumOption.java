package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A selectable value with a display title, for enum-like elicitation fields.
 *
 * @param value the value sent back ({@code const})
 * @param title what the user sees
 * @param description longer text, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record EnumOption(
        @JsonProperty(value = "const", required = true) String value,
        @JsonProperty(value = "title", required = true) String title,
        @JsonProperty("description") String description,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * An option without description.
     *
     * @param value the value sent back when chosen ({@code const})
     * @param title the text shown to the user
     * @return the option
     */
    public static EnumOption of(String value, String title) {
        return new EnumOption(value, title, null, null);
    }
}
