package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The category of a tool call, for choosing icons and UI treatment. */
public enum ToolKind {
    /** Reading files or data. */
    @JsonProperty("read") READ,
    /** Modifying files or content. */
    @JsonProperty("edit") EDIT,
    /** Removing files or data. */
    @JsonProperty("delete") DELETE,
    /** Moving or renaming files. */
    @JsonProperty("move") MOVE,
    /** Searching for information. */
    @JsonProperty("search") SEARCH,
    /** Running commands or code. */
    @JsonProperty("execute") EXECUTE,
    /** Internal reasoning or planning. */
    @JsonProperty("think") THINK,
    /** Retrieving external data. */
    @JsonProperty("fetch") FETCH,
    /** Switching the session mode. */
    @JsonProperty("switch_mode") SWITCH_MODE,
    /** Anything else. */
    @JsonProperty("other") OTHER
}
