package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.auth.AgentAuthCapabilities;
import java.util.Map;

/**
 * Capabilities the agent advertises in its {@code initialize} response.
 *
 * @param loadSession whether the agent supports {@code session/load}
 * @param promptCapabilities the content types prompts may contain besides text
 * @param mcpCapabilities the MCP transports the agent supports besides stdio
 * @param sessionCapabilities the optional session methods the agent supports
 * @param auth the optional auth methods the agent supports, e.g. {@code logout}
 * @param meta extension data ({@code _meta}), or null
 */
public record AgentCapabilities(
        @JsonProperty("loadSession") Boolean loadSession,
        @JsonProperty("promptCapabilities") PromptCapabilities promptCapabilities,
        @JsonProperty("mcpCapabilities") McpCapabilities mcpCapabilities,
        @JsonProperty("sessionCapabilities") SessionCapabilities sessionCapabilities,
        @JsonProperty("auth") AgentAuthCapabilities auth,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
