package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** MCP transports the agent supports besides stdio; absent means false. */
public record McpCapabilities(
        @JsonProperty("http") Boolean http,
        @JsonProperty("sse") Boolean sse,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
