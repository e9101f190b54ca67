package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Authentication capabilities of the client: which auth method types the agent may advertise.
 *
 * @param terminal whether the client runs {@code terminal} auth methods
 * @param meta extension data ({@code _meta}), or null
 */
public record AuthCapabilities(
        @JsonProperty("terminal") Boolean terminal,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
