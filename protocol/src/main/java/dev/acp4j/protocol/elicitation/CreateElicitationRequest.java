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

/**
 * Params of {@code elicitation/create}: asks the user for input, discriminated by {@code mode}.
 * Every mode is scoped either to a session ({@code sessionId}, optional {@code toolCallId}) or to an
 * outstanding request ({@code requestId}); set exactly one scope. An unknown {@code mode} is kept raw.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "mode",
        visible = true, defaultImpl = CreateElicitationRequest.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CreateElicitationRequest.Form.class, name = "form"),
        @JsonSubTypes.Type(value = CreateElicitationRequest.Url.class, name = "url")
})
@JsonPropertyOrder({"mode"})
public sealed interface CreateElicitationRequest {

    /**
     * The elicitation mode: {@code form}, {@code url} or one this library does not know.
     *
     * @return the {@code mode} discriminator
     */
    @JsonProperty("mode")
    String mode();

    /**
     * The text shown to the user, saying what is asked and why.
     *
     * @return the message
     */
    String message();

    /**
     * A URL elicitation tied to an outstanding request, e.g. the {@code authenticate} request awaiting it.
     *
     * @param requestId the JSON-RPC id of the request the elicitation belongs to
     * @param elicitationId an id unique to this elicitation, echoed by {@code elicitation/complete}
     * @param url the URL the client opens for the user
     * @param message the text shown to the user
     * @return the request params
     */
    static Url urlForRequest(JsonNode requestId, String elicitationId, String url, String message) {
        return new Url(message, elicitationId, url, null, null, requestId, null);
    }

    /**
     * A URL elicitation tied to a session, e.g. an MCP server's OAuth sign-in.
     *
     * @param sessionId the session the elicitation belongs to
     * @param elicitationId an id unique to this elicitation, echoed by {@code elicitation/complete}
     * @param url the URL the client opens for the user
     * @param message the text shown to the user
     * @return the request params
     */
    static Url urlForSession(String sessionId, String elicitationId, String url, String message) {
        return new Url(message, elicitationId, url, sessionId, null, null, null);
    }

    /**
     * Structured input collected by the client through a form ({@code ElicitationFormMode}).
     *
     * @param message what the user is asked and why
     * @param requestedSchema the form fields
     * @param sessionId the session it belongs to, or null
     * @param toolCallId the tool call it belongs to, or null
     * @param requestId the outstanding request it belongs to, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Form(
            @JsonProperty(value = "message", required = true) String message,
            @JsonProperty(value = "requestedSchema", required = true) ElicitationSchema requestedSchema,
            @JsonProperty("sessionId") String sessionId,
            @JsonProperty("toolCallId") String toolCallId,
            @JsonProperty("requestId") JsonNode requestId,
            @JsonProperty("_meta") Map<String, Object> meta) implements CreateElicitationRequest {
        @Override
        public String mode() {
            return "form";
        }
    }

    /**
     * The client opens a URL where the interaction happens out of band ({@code ElicitationUrlMode}).
     *
     * @param message what the user is asked and why
     * @param elicitationId an id unique to this elicitation, echoed by {@code elicitation/complete}
     * @param url the URL the client opens
     * @param sessionId the session it belongs to, or null
     * @param toolCallId the tool call it belongs to, or null
     * @param requestId the outstanding request it belongs to, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Url(
            @JsonProperty(value = "message", required = true) String message,
            @JsonProperty(value = "elicitationId", required = true) String elicitationId,
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty("sessionId") String sessionId,
            @JsonProperty("toolCallId") String toolCallId,
            @JsonProperty("requestId") JsonNode requestId,
            @JsonProperty("_meta") Map<String, Object> meta) implements CreateElicitationRequest {
        @Override
        public String mode() {
            return "url";
        }
    }

    /**
     * A mode this library does not know, kept as received.
     *
     * @param raw the JSON object, as received
     */
    record Other(@JsonValue ObjectNode raw) implements CreateElicitationRequest {
        /**
         * Keeps the raw object as received.
         *
         * @param raw the params object
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Other {
        }

        @Override
        public String mode() {
            return raw.path("mode").asText(null);
        }

        @Override
        public String message() {
            return raw.path("message").asText(null);
        }
    }
}
