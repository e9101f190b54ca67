package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.session.ToolCallUpdate;
import java.util.List;
import java.util.Map;

/** Params of {@code session/request_permission}: ask the user to authorise a tool call. */
public record RequestPermissionRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "toolCall", required = true) ToolCallUpdate toolCall,
        @JsonProperty(value = "options", required = true) List<PermissionOption> options,
        @JsonProperty("_meta") Map<String, Object> meta) {

    public static RequestPermissionRequest of(String sessionId, ToolCallUpdate toolCall, List<PermissionOption> options) {
        return new RequestPermissionRequest(sessionId, toolCall, options, null);
    }
}
