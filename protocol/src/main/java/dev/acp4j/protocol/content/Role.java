package dev.acp4j.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The sender or recipient of a message or piece of content. */
public enum Role {
    /** The agent. */
    @JsonProperty("assistant") ASSISTANT,
    /** The user. */
    @JsonProperty("user") USER
}
