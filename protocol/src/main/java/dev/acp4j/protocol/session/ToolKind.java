package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The category of a tool call, for choosing icons and UI treatment. */
public enum ToolKind {
    @JsonProperty("read") READ,
    @JsonProperty("edit") EDIT,
    @JsonProperty("delete") DELETE,
    @JsonProperty("move") MOVE,
    @JsonProperty("search") SEARCH,
    @JsonProperty("execute") EXECUTE,
    @JsonProperty("think") THINK,
    @JsonProperty("fetch") FETCH,
    @JsonProperty("switch_mode") SWITCH_MODE,
    @JsonProperty("other") OTHER
}
