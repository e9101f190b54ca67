package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Changes to a tool call: only {@code toolCallId} is required, absent fields stay as they were. */
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
