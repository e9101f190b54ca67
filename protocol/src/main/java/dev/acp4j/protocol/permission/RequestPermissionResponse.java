package dev.acp4j.protocol.permission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code session/request_permission}: the user's decision.
 *
 * @param outcome the user's decision
 * @param meta extension data ({@code _meta}), or null
 */
public record RequestPermissionResponse(
        @JsonProperty(value = "outcome", required = true) RequestPermissionOutcome outcome,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A result without {@code _meta}.
     *
     * @param outcome the user's decision
     * @return the result
     */
    public static RequestPermissionResponse of(RequestPermissionOutcome outcome) {
        return new RequestPermissionResponse(outcome, null);
    }
}
