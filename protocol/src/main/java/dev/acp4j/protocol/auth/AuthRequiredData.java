package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code data} of an AUTH_REQUIRED (-32000) error: the methods that can satisfy the failed request. */
public record AuthRequiredData(
        @JsonProperty(value = "availableMethodIds", required = true) List<String> availableMethodIds,
        @JsonProperty("requiresRestart") Boolean requiresRestart,
        @JsonProperty("missing") List<String> missing) {

    public static AuthRequiredData of(List<String> availableMethodIds) {
        return new AuthRequiredData(availableMethodIds, null, null);
    }

    /** The values in {@code missing} must be provided and the agent restarted before authenticating. */
    public static AuthRequiredData restartWith(List<String> availableMethodIds, List<String> missing) {
        return new AuthRequiredData(availableMethodIds, true, missing);
    }
}
