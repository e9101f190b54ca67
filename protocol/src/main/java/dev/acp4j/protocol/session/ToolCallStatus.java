package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Execution status of a tool call. */
public enum ToolCallStatus {
    /** Not started yet (input streaming, or awaiting approval). */
    @JsonProperty("pending") PENDING,
    /** Running. */
    @JsonProperty("in_progress") IN_PROGRESS,
    /** Finished successfully. */
    @JsonProperty("completed") COMPLETED,
    /** Finished with an error. */
    @JsonProperty("failed") FAILED
}
