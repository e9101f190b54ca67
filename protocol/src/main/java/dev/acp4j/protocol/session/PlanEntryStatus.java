package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Progress of a plan entry. */
public enum PlanEntryStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("in_progress") IN_PROGRESS,
    @JsonProperty("completed") COMPLETED
}
