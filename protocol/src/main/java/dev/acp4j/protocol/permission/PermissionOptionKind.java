package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What choosing a permission option means, so clients can pick icons and shortcuts. */
public enum PermissionOptionKind {
    /** Allow this operation this time only. */
    @JsonProperty("allow_once") ALLOW_ONCE,
    /** Allow this operation and remember the choice. */
    @JsonProperty("allow_always") ALLOW_ALWAYS,
    /** Reject this operation this time only. */
    @JsonProperty("reject_once") REJECT_ONCE,
    /** Reject this operation and remember the choice. */
    @JsonProperty("reject_always") REJECT_ALWAYS
}
