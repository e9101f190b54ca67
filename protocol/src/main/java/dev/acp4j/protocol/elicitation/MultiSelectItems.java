package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * The items of a multi-select elicitation field: plain strings ({@code type: "string"}) or titled options
 * (no {@code type}, an {@code anyOf} list). An unknown {@code type} with an {@code anyOf} reads as titled.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        defaultImpl = MultiSelectItems.TitledItems.class)
@JsonSubTypes(@JsonSubTypes.Type(value = MultiSelectItems.StringItems.class, name = "string"))
public sealed interface MultiSelectItems {

    /**
     * Items drawn from a list of strings ({@code StringMultiSelectItems}).
     *
     * @param values the choices ({@code enum})
     * @param meta extension data ({@code _meta}), or null
     */
    record StringItems(
            @JsonProperty(value = "enum", required = true) List<String> values,
            @JsonProperty("_meta") Map<String, Object> meta) implements MultiSelectItems {
        /**
         * Always {@code string}.
         *
         * @return the {@code type} discriminator
         */
        @JsonProperty("type")
        public String type() {
            return "string";
        }
    }

    /**
     * Items drawn from titled options ({@code TitledMultiSelectItems}); written without {@code type}.
     *
     * @param anyOf the choices with titles
     * @param meta extension data ({@code _meta}), or null
     */
    record TitledItems(
            @JsonProperty(value = "anyOf", required = true) List<EnumOption> anyOf,
            @JsonProperty("_meta") Map<String, Object> meta) implements MultiSelectItems {
    }
}
