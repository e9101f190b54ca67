package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A choice offered to the user when asking for permission.
 *
 * @param optionId the id the {@code selected} outcome returns
 * @param name the label shown to the user
 * @param kind what choosing it means
 * @param meta extension data ({@code _meta}), or null
 */
public record PermissionOption(
        @JsonProperty(value = "optionId", required = true) String optionId,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "kind", required = true) PermissionOptionKind kind,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * An option without {@code _meta}.
     *
     * @param optionId the id returned in the {@code selected} outcome
     * @param name the label shown to the user
     * @param kind what choosing it means
     * @return the option
     */
    public static PermissionOption of(String optionId, String name, PermissionOptionKind kind) {
        return new PermissionOption(optionId, name, kind, null);
    }
}
