package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * A session configuration option and its current value, discriminated by {@code type}. Variants carry an
 * {@code Option} suffix so that {@code Boolean} keeps its java.lang meaning.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SessionConfigOption.SelectOption.class, name = "select"),
        @JsonSubTypes.Type(value = SessionConfigOption.BooleanOption.class, name = "boolean")
})
@JsonPropertyOrder({"type", "id", "name"})
public sealed interface SessionConfigOption {

    /**
     * The kind of option: {@code select} or {@code boolean}.
     *
     * @return the {@code type} discriminator
     */
    @JsonProperty("type")
    String type();

    /**
     * The option's id, sent back as {@code configId} in {@code session/set_config_option}.
     *
     * @return the option id
     */
    String id();

    /**
     * The name shown to the user.
     *
     * @return the display name
     */
    String name();

    /**
     * A select option without description or category.
     *
     * @param id the option id
     * @param name the display name
     * @param currentValue the {@code value} of the selected choice
     * @param options the choices
     * @return the option
     */
    static SelectOption select(String id, String name, String currentValue, SessionConfigSelectOptions options) {
        return new SelectOption(id, name, null, null, currentValue, options, null);
    }

    /**
     * A choice among values ({@code SessionConfigSelect}).
     *
     * @param id the option id
     * @param name shown to the user
     * @param description longer text, or null
     * @param category what the option controls, or null
     * @param currentValue the {@code value} of the selected choice
     * @param options the choices
     * @param meta extension data ({@code _meta}), or null
     */
    record SelectOption(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") String description,
            @JsonProperty("category") SessionConfigOptionCategory category,
            @JsonProperty(value = "currentValue", required = true) String currentValue,
            @JsonProperty(value = "options", required = true) SessionConfigSelectOptions options,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionConfigOption {
        @Override
        public String type() {
            return "select";
        }
    }

    /**
     * An on/off switch ({@code SessionConfigBoolean}); only for clients advertising boolean support.
     *
     * @param id the option id
     * @param name shown to the user
     * @param description longer text, or null
     * @param category what the option controls, or null
     * @param currentValue whether it is on
     * @param meta extension data ({@code _meta}), or null
     */
    record BooleanOption(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") String description,
            @JsonProperty("category") SessionConfigOptionCategory category,
            @JsonProperty(value = "currentValue", required = true) boolean currentValue,
            @JsonProperty("_meta") Map<String, Object> meta) implements SessionConfigOption {
        @Override
        public String type() {
            return "boolean";
        }
    }
}
