package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A choice offered to the user when asking for permission. */
public record PermissionOption(
        @JsonProperty(value = "optionId", required = true) String optionId,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "kind", required = true) PermissionOptionKind kind,
        @JsonProperty("_meta") Map<String, Object> meta) {

    public static PermissionOption of(String optionId, String name, PermissionOptionKind kind) {
        return new PermissionOption(optionId, name, kind, null);
    }
}
