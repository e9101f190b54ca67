package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Relative importance of a plan entry. */
public enum PlanEntryPriority {
    /** High priority. */
    @JsonProperty("high") HIGH,
    /** Medium priority. */
    @JsonProperty("medium") MEDIUM,
    /** Low priority. */
    @JsonProperty("low") LOW
}
