package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code session/prompt}: why the turn ended.
 *
 * @param stopReason why the turn ended
 * @param meta extension data ({@code _meta}), or null
 */
public record PromptResponse(
        @JsonProperty(value = "stopReason", required = true) StopReason stopReason,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A result without {@code _meta}.
     *
     * @param stopReason why the turn ended
     * @return the result
     */
    public static PromptResponse of(StopReason stopReason) {
        return new PromptResponse(stopReason, null);
    }
}
