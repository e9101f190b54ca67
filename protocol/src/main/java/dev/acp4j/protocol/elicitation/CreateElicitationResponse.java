package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Result of {@code elicitation/create}: the user's action, discriminated by {@code action}; unknown actions are kept raw. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "action",
        visible = true, defaultImpl = CreateElicitationResponse.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CreateElicitationResponse.Accept.class, name = "accept"),
        @JsonSubTypes.Type(value = CreateElicitationResponse.Decline.class, name = "decline"),
        @JsonSubTypes.Type(value = CreateElicitationResponse.Cancel.class, name = "cancel")
})
@JsonPropertyOrder({"action"})
public sealed interface CreateElicitationResponse {

    /**
     * The user's action: {@code accept}, {@code decline}, {@code cancel} or one this library does not know.
     *
     * @return the {@code action} discriminator
     */
    @JsonProperty("action")
    String action();

    /**
     * The user accepted; for form mode {@code content} holds the submitted values (string, integer,
     * number, boolean or array of strings), keyed by field name.
     *
     * @param content form mode: the submitted values by field name; null for URL mode
     * @param meta extension data ({@code _meta}), or null
     */
    record Accept(
            @JsonProperty("content") Map<String, JsonNode> content,
            @JsonProperty("_meta") Map<String, Object> meta) implements CreateElicitationResponse {
        @Override
        public String action() {
            return "accept";
        }
    }

    /**
     * The user explicitly declined.
     *
     * @param meta extension data ({@code _meta}), or null
     */
    record Decline(@JsonProperty("_meta") Map<String, Object> meta) implements CreateElicitationResponse {
        @Override
        public String action() {
            return "decline";
        }
    }

    /**
     * The user dismissed the request without choosing.
     *
     * @param meta extension data ({@code _meta}), or null
     */
    record Cancel(@JsonProperty("_meta") Map<String, Object> meta) implements CreateElicitationResponse {
        @Override
        public String action() {
            return "cancel";
        }
    }

    /**
     * An action this library does not know (or none), kept as received.
     *
     * @param raw the JSON object, as received
     */
    record Other(@JsonValue ObjectNode raw) implements CreateElicitationResponse {
        /**
         * Keeps the raw object as received.
         *
         * @param raw the result object
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Other {
        }

        @Override
        public String action() {
            return raw.path("action").asText(null);
        }
    }
}
