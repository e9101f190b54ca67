package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code logout}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record LogoutResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * The success result, {@code {}}.
     *
     * @return an empty response
     */
    public static LogoutResponse empty() {
        return new LogoutResponse(null);
    }
}
