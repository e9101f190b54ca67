package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Progress of a plan entry. */
public enum PlanEntryStatus {
    /** Not started. */
    @JsonProperty("pending") PENDING,
    /** Being worked on. */
    @JsonProperty("in_progress") IN_PROGRESS,
    /** Done. */
    @JsonProperty("completed") COMPLETED
}
