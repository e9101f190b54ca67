package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.mcp.McpServer;
import java.util.List;
import java.util.Map;

/** Params of {@code session/resume}: reattach to a session without replaying its history. */
public record ResumeSessionRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "cwd", required = true) String cwd,
        @JsonProperty("additionalDirectories") List<String> additionalDirectories,
        @JsonProperty("mcpServers") List<McpServer> mcpServers,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
