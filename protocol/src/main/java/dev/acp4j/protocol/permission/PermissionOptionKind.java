package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What choosing a permission option means, so clients can pick icons and shortcuts. */
public enum PermissionOptionKind {
    @JsonProperty("allow_once") ALLOW_ONCE,
    @JsonProperty("allow_always") ALLOW_ALWAYS,
    @JsonProperty("reject_once") REJECT_ONCE,
    @JsonProperty("reject_always") REJECT_ALWAYS
}
