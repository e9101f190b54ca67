package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The restricted JSON Schema of a form-mode elicitation: an object of flat, primitive properties.
 *
 * @param type always {@code object}
 * @param title the form title, or null
 * @param description help text, or null
 * @param properties the fields, by name
 * @param required names of the fields the user must fill in, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record ElicitationSchema(
        @JsonProperty("type") ElicitationSchemaType type,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("properties") Map<String, ElicitationPropertySchema> properties,
        @JsonProperty("required") List<String> required,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * An {@code object} schema without title or description.
     *
     * @param properties the fields, keyed by the name their value has in the {@code accept} content
     * @param required names of the fields the user must fill in, or null
     * @return the schema
     */
    public static ElicitationSchema of(Map<String, ElicitationPropertySchema> properties, List<String> required) {
        return new ElicitationSchema(ElicitationSchemaType.OBJECT, null, null, properties, required, null);
    }
}
