package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Changes to a tool call: only {@code toolCallId} is required, absent fields stay as they were.
 *
 * @param toolCallId the tool call, unique in the session
 * @param title the new title, or null
 * @param kind the new kind, or null
 * @param status the new status, or null
 * @param content the new content (replacing it), or null
 * @param locations the new locations (replacing them), or null
 * @param rawInput the new raw input, or null
 * @param rawOutput the new raw output, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record ToolCallUpdate(
        @JsonProperty(value = "toolCallId", required = true) String toolCallId,
        @JsonProperty("title") String title,
        @JsonProperty("kind") ToolKind kind,
        @JsonProperty("status") ToolCallStatus status,
        @JsonProperty("content") List<ToolCallContent> content,
        @JsonProperty("locations") List<ToolCallLocation> locations,
        @JsonProperty("rawInput") JsonNode rawInput,
        @JsonProperty("rawOutput") JsonNode rawOutput,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * An update that changes only the status.
     *
     * @param toolCallId the id of the tool call
     * @param status the new status
     * @return the update
     */
    public static ToolCallUpdate of(String toolCallId, ToolCallStatus status) {
        return new ToolCallUpdate(toolCallId, null, null, status, null, null, null, null, null);
    }
}
