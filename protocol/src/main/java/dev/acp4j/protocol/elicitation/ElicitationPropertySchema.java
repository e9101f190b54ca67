package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One field of an elicitation form, discriminated by {@code type}. Variants carry a {@code Schema} suffix so
 * that {@code String}, {@code Integer}, ... keep their java.lang meaning; an unknown {@code type} is kept raw.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true, defaultImpl = ElicitationPropertySchema.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ElicitationPropertySchema.StringSchema.class, name = "string"),
        @JsonSubTypes.Type(value = ElicitationPropertySchema.NumberSchema.class, name = "number"),
        @JsonSubTypes.Type(value = ElicitationPropertySchema.IntegerSchema.class, name = "integer"),
        @JsonSubTypes.Type(value = ElicitationPropertySchema.BooleanSchema.class, name = "boolean"),
        @JsonSubTypes.Type(value = ElicitationPropertySchema.ArraySchema.class, name = "array")
})
@JsonPropertyOrder({"type"})
public sealed interface ElicitationPropertySchema {

    /**
     * The JSON type of the field: {@code string}, {@code number}, {@code integer}, {@code boolean}, {@code array} or
     * one this library does not know.
     *
     * @return the {@code type} discriminator
     */
    @JsonProperty("type")
    String type();

    /**
     * A plain, optional text field.
     *
     * @param title the label shown for the field
     * @return the field schema
     */
    static ElicitationPropertySchema string(String title) {
        return new StringSchema(title, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A text field ({@code StringPropertySchema}).
     *
     * @param title the label shown for the field
     * @param description help text, or null
     * @param minLength the shortest length, or null
     * @param maxLength the longest length, or null
     * @param pattern a regular expression the value matches, or null
     * @param format a format the value has, or null
     * @param defaultValue the initial value, or null
     * @param enumValues the allowed values ({@code enum}), or null
     * @param oneOf the allowed values with titles ({@code oneOf}), or null
     * @param meta extension data ({@code _meta}), or null
     */
    record StringSchema(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("minLength") Integer minLength,
            @JsonProperty("maxLength") Integer maxLength,
            @JsonProperty("pattern") String pattern,
            @JsonProperty("format") StringFormat format,
            @JsonProperty("default") String defaultValue,
            @JsonProperty("enum") List<String> enumValues,
            @JsonProperty("oneOf") List<EnumOption> oneOf,
            @JsonProperty("_meta") Map<String, Object> meta) implements ElicitationPropertySchema {
        @Override
        public String type() {
            return "string";
        }
    }

    /**
     * A floating-point number field ({@code NumberPropertySchema}).
     *
     * @param title the label shown for the field
     * @param description help text, or null
     * @param minimum the smallest value, or null
     * @param maximum the largest value, or null
     * @param defaultValue the initial value, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record NumberSchema(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("minimum") Double minimum,
            @JsonProperty("maximum") Double maximum,
            @JsonProperty("default") Double defaultValue,
            @JsonProperty("_meta") Map<String, Object> meta) implements ElicitationPropertySchema {
        @Override
        public String type() {
            return "number";
        }
    }

    /**
     * An integer field ({@code IntegerPropertySchema}).
     *
     * @param title the label shown for the field
     * @param description help text, or null
     * @param minimum the smallest value, or null
     * @param maximum the largest value, or null
     * @param defaultValue the initial value, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record IntegerSchema(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("minimum") Long minimum,
            @JsonProperty("maximum") Long maximum,
            @JsonProperty("default") Long defaultValue,
            @JsonProperty("_meta") Map<String, Object> meta) implements ElicitationPropertySchema {
        @Override
        public String type() {
            return "integer";
        }
    }

    /**
     * A checkbox field ({@code BooleanPropertySchema}).
     *
     * @param title the label shown for the field
     * @param description help text, or null
     * @param defaultValue the initial value, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record BooleanSchema(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("default") Boolean defaultValue,
            @JsonProperty("_meta") Map<String, Object> meta) implements ElicitationPropertySchema {
        @Override
        public String type() {
            return "boolean";
        }
    }

    /**
     * A multi-select field ({@code MultiSelectPropertySchema}).
     *
     * @param title the label shown for the field
     * @param description help text, or null
     * @param minItems the fewest choices, or null
     * @param maxItems the most choices, or null
     * @param items the choices
     * @param defaultValue the choices preselected, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record ArraySchema(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("minItems") Long minItems,
            @JsonProperty("maxItems") Long maxItems,
            @JsonProperty(value = "items", required = true) MultiSelectItems items,
            @JsonProperty("default") List<String> defaultValue,
            @JsonProperty("_meta") Map<String, Object> meta) implements ElicitationPropertySchema {
        @Override
        public String type() {
            return "array";
        }
    }

    /**
     * A field of a type this library does not know, kept as received.
     *
     * @param raw the JSON object, as received
     */
    record Other(@JsonValue ObjectNode raw) implements ElicitationPropertySchema {
        /**
         * Keeps the raw object as received.
         *
         * @param raw the field schema object
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Other {
        }

        @Override
        public String type() {
            return raw.path("type").asText(null);
        }
    }
}
