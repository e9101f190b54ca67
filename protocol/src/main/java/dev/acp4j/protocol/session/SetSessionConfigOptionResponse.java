package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code session/set_config_option}: all config options of the session, as they now are.
 *
 * @param configOptions all config options of the session, or null for none
 * @param meta extension data ({@code _meta}), or null
 */
public record SetSessionConfigOptionResponse(
        @JsonProperty(value = "configOptions", required = true) List<SessionConfigOption> configOptions,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A result without {@code _meta}.
     *
     * @param configOptions all config options of the session, as they now are
     * @return the result
     */
    public static SetSessionConfigOptionResponse of(List<SessionConfigOption> configOptions) {
        return new SetSessionConfigOptionResponse(configOptions, null);
    }
}
