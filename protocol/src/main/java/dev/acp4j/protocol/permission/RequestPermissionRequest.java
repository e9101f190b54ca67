package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.session.ToolCallUpdate;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code session/request_permission}: ask the user to authorise a tool call.
 *
 * @param sessionId the ACP session id
 * @param toolCall the tool call needing permission
 * @param options the choices offered
 * @param meta extension data ({@code _meta}), or null
 */
public record RequestPermissionRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "toolCall", required = true) ToolCallUpdate toolCall,
        @JsonProperty(value = "options", required = true) List<PermissionOption> options,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Params without {@code _meta}.
     *
     * @param sessionId the session of the tool call
     * @param toolCall the tool call needing permission
     * @param options the choices offered to the user
     * @return the request params
     */
    public static RequestPermissionRequest of(String sessionId, ToolCallUpdate toolCall, List<PermissionOption> options) {
        return new RequestPermissionRequest(sessionId, toolCall, options, null);
    }
}
