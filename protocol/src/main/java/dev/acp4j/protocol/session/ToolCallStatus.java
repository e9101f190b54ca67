package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Execution status of a tool call. */
public enum ToolCallStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("in_progress") IN_PROGRESS,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED
}
