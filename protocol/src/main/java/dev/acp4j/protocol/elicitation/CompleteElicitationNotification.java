package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code elicitation/complete}: the out-of-band interaction of a URL-mode elicitation has finished.
 *
 * @param elicitationId the id given in {@code elicitation/create}
 * @param meta extension data ({@code _meta}), or null
 */
public record CompleteElicitationNotification(
        @JsonProperty(value = "elicitationId", required = true) String elicitationId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Tells the client the elicitation has finished, without {@code _meta}.
     *
     * @param elicitationId the id given in the URL-mode {@code elicitation/create}
     * @return the notification params
     */
    public static CompleteElicitationNotification of(String elicitationId) {
        return new CompleteElicitationNotification(elicitationId, null);
    }
}
