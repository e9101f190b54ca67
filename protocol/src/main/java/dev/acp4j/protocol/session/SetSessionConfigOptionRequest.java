package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * Params of {@code session/set_config_option}: set a config option, either to a select value
 * (no {@code type}) or, with {@code type: "boolean"}, to a boolean.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        defaultImpl = SetSessionConfigOptionRequest.ValueId.class)
@JsonSubTypes(@JsonSubTypes.Type(value = SetSessionConfigOptionRequest.BooleanValue.class, name = "boolean"))
public sealed interface SetSessionConfigOptionRequest {

    /**
     * The session whose option to set.
     *
     * @return the session id
     */
    String sessionId();

    /**
     * The {@code id} of the option to set.
     *
     * @return the option id
     */
    String configId();

    /**
     * Select the value with this id ({@code value_id} in the schema); written without {@code type}.
     *
     * @param sessionId the ACP session id
     * @param configId the option id
     * @param value the {@code value} of the choice to select
     * @param meta extension data ({@code _meta}), or null
     */
    record ValueId(
            @JsonProperty(value = "sessionId", required = true) String sessionId,
            @JsonProperty(value = "configId", required = true) String configId,
            @JsonProperty(value = "value", required = true) String value,
            @JsonProperty("_meta") Map<String, Object> meta) implements SetSessionConfigOptionRequest {
    }

    /**
     * Switch a boolean option on or off.
     *
     * @param sessionId the ACP session id
     * @param configId the option id
     * @param value on or off
     * @param meta extension data ({@code _meta}), or null
     */
    record BooleanValue(
            @JsonProperty(value = "sessionId", required = true) String sessionId,
            @JsonProperty(value = "configId", required = true) String configId,
            @JsonProperty(value = "value", required = true) boolean value,
            @JsonProperty("_meta") Map<String, Object> meta) implements SetSessionConfigOptionRequest {
        /**
         * Always {@code boolean}.
         *
         * @return the {@code type} discriminator
         */
        @JsonProperty("type")
        public String type() {
            return "boolean";
        }
    }
}
