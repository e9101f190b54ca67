package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code terminal/kill}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record KillTerminalResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static KillTerminalResponse empty() {
        return new KillTerminalResponse(null);
    }
}
