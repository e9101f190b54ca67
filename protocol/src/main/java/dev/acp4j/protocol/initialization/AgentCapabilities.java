package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.auth.AgentAuthCapabilities;
import java.util.Map;

/** Capabilities the agent advertises in its {@code initialize} response. */
public record AgentCapabilities(
        @JsonProperty("loadSession") Boolean loadSession,
        @JsonProperty("promptCapabilities") PromptCapabilities promptCapabilities,
        @JsonProperty("mcpCapabilities") McpCapabilities mcpCapabilities,
        @JsonProperty("sessionCapabilities") SessionCapabilities sessionCapabilities,
        @JsonProperty("auth") AgentAuthCapabilities auth,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
