package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code session/set_mode}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record SetSessionModeResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static SetSessionModeResponse empty() {
        return new SetSessionModeResponse(null);
    }
}
