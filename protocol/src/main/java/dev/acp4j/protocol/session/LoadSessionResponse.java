package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code session/load}: the session's modes and config options.
 *
 * @param modes the modes and the current one, or null when the agent has none
 * @param configOptions all config options of the session, or null for none
 * @param meta extension data ({@code _meta}), or null
 */
public record LoadSessionResponse(
        @JsonProperty("modes") SessionModeState modes,
        @JsonProperty("configOptions") List<SessionConfigOption> configOptions,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return a result without modes or config options} */
    public static LoadSessionResponse empty() {
        return new LoadSessionResponse(null, null, null);
    }
}
