package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.mcp.McpServer;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code session/load}: resume a previous session, replaying its history as updates.
 *
 * @param sessionId the ACP session id
 * @param cwd absolute path of the working directory
 * @param additionalDirectories further absolute workspace roots, or null
 * @param mcpServers the MCP servers the agent should connect to
 * @param meta extension data ({@code _meta}), or null
 */
public record LoadSessionRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "cwd", required = true) String cwd,
        @JsonProperty("additionalDirectories") List<String> additionalDirectories,
        @JsonProperty(value = "mcpServers", required = true) List<McpServer> mcpServers,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
