package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code session/close}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record CloseSessionResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static CloseSessionResponse empty() {
        return new CloseSessionResponse(null);
    }
}
