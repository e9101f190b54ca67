package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.mcp.McpServer;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code session/new}: create a conversation in a working directory with MCP servers.
 *
 * @param cwd absolute path of the working directory
 * @param additionalDirectories further absolute workspace roots, or null
 * @param mcpServers the MCP servers the agent should connect to
 * @param meta extension data ({@code _meta}), or null
 */
public record NewSessionRequest(
        @JsonProperty(value = "cwd", required = true) String cwd,
        @JsonProperty("additionalDirectories") List<String> additionalDirectories,
        @JsonProperty(value = "mcpServers", required = true) List<McpServer> mcpServers,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Params without additional directories or {@code _meta}.
     *
     * @param cwd absolute path of the session's working directory
     * @param mcpServers the MCP servers the agent should connect to (may be empty)
     * @return the request params
     */
    public static NewSessionRequest of(String cwd, List<McpServer> mcpServers) {
        return new NewSessionRequest(cwd, null, mcpServers, null);
    }
}
