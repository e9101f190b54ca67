package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Formats a string field of an elicitation form may require. */
public enum StringFormat {
    @JsonProperty("email") EMAIL,
    @JsonProperty("uri") URI,
    @JsonProperty("date") DATE,
    @JsonProperty("date-time") DATE_TIME
}
