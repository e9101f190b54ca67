package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code terminal/release}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record ReleaseTerminalResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static ReleaseTerminalResponse empty() {
        return new ReleaseTerminalResponse(null);
    }
}
