package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of an elicitation form schema: always {@code object}. */
public enum ElicitationSchemaType {
    /** {@code object}, the only type a form schema has. */
    @JsonProperty("object") OBJECT
}
