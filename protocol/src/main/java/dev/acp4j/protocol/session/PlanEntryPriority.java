package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Relative importance of a plan entry. */
public enum PlanEntryPriority {
    @JsonProperty("high") HIGH,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("low") LOW
}
