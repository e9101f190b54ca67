package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Authentication capabilities of the agent.
 *
 * @param logout present when the agent supports {@code logout}
 * @param meta extension data ({@code _meta}), or null
 */
public record AgentAuthCapabilities(
        @JsonProperty("logout") LogoutCapabilities logout,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return capabilities advertising {@code logout}: {@code {"logout":{}}}} */
    public static AgentAuthCapabilities withLogout() {
        return new AgentAuthCapabilities(new LogoutCapabilities(null), null);
    }
}
