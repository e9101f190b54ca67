package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code logout}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record LogoutResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static LogoutResponse empty() {
        return new LogoutResponse(null);
    }
}
