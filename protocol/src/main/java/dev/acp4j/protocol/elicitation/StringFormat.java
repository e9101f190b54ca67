package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Formats a string field of an elicitation form may require. */
public enum StringFormat {
    /** An e-mail address. */
    @JsonProperty("email") EMAIL,
    /** A URI (RFC 3986). */
    @JsonProperty("uri") URI,
    /** A full date, e.g. {@code 2026-12-04} (RFC 3339 {@code full-date}). */
    @JsonProperty("date") DATE,
    /** A date and time with offset (RFC 3339 {@code date-time}). */
    @JsonProperty("date-time") DATE_TIME
}
