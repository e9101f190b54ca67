package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code data} of an AUTH_REQUIRED (-32000) error: the methods that can satisfy the failed request.
 *
 * @param availableMethodIds ids of advertised methods that can satisfy the request
 * @param requiresRestart true when the agent must be restarted with the {@code missing} values, else null
 * @param missing the variables or flags still to provide, or null
 */
public record AuthRequiredData(
        @JsonProperty(value = "availableMethodIds", required = true) List<String> availableMethodIds,
        @JsonProperty("requiresRestart") Boolean requiresRestart,
        @JsonProperty("missing") List<String> missing) {

    /**
     * The methods to offer, with no restart needed.
     *
     * @param availableMethodIds ids of advertised methods that can satisfy the request
     * @return the error data
     */
    public static AuthRequiredData of(List<String> availableMethodIds) {
        return new AuthRequiredData(availableMethodIds, null, null);
    }

    /**
     * The values in {@code missing} must be provided and the agent restarted before authenticating.
     *
     * @param availableMethodIds ids of advertised methods that can satisfy the request
     * @param missing names of the variables or parameters still to be provided
     * @return the error data, with {@code requiresRestart} true
     */
    public static AuthRequiredData restartWith(List<String> availableMethodIds, List<String> missing) {
        return new AuthRequiredData(availableMethodIds, true, missing);
    }
}
