package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * MCP transports the agent supports besides stdio; absent means false.
 *
 * @param http whether the agent connects to HTTP MCP servers
 * @param sse whether the agent connects to SSE MCP servers
 * @param meta extension data ({@code _meta}), or null
 */
public record McpCapabilities(
        @JsonProperty("http") Boolean http,
        @JsonProperty("sse") Boolean sse,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
