package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code authenticate}: {@code {}} on success.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record AuthenticateResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static AuthenticateResponse empty() {
        return new AuthenticateResponse(null);
    }
}
