package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.content.ContentBlock;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code session/prompt}: a user message that starts a prompt turn.
 *
 * @param sessionId the ACP session id
 * @param prompt the user message, as content blocks
 * @param meta extension data ({@code _meta}), or null
 */
public record PromptRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "prompt", required = true) List<ContentBlock> prompt,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Params without {@code _meta}.
     *
     * @param sessionId the session to prompt
     * @param prompt the user message, as content blocks
     * @return the request params
     */
    public static PromptRequest of(String sessionId, List<ContentBlock> prompt) {
        return new PromptRequest(sessionId, prompt, null);
    }
}
