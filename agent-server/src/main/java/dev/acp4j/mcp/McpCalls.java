package dev.acp4j.mcp;

import dev.acp4j.server.ServerVersion;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The MCP requests acp4j makes on an initialized client, whatever its transport. */
final class McpCalls {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private McpCalls() {
    }

    /** A client of acp4j over {@code transport}, not yet initialized. */
    static McpSyncClient client(McpClientTransport transport) {
        return McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("acp4j", ServerVersion.VERSION))
                .requestTimeout(REQUEST_TIMEOUT)
                .initializationTimeout(REQUEST_TIMEOUT)
                .build();
    }

    static List<McpTool> listTools(McpSyncClient client) {
        List<McpTool> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
            page.tools().forEach(tool -> tools.add(new McpTool(tool.name(), tool.description())));
            cursor = page.nextCursor();
        } while (cursor != null);
        return tools;
    }

    static McpToolResult callTool(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        List<String> parts = new ArrayList<>();
        for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            parts.add(content instanceof McpSchema.TextContent text ? text.text() : "[" + content.type() + " content]");
        }
        return new McpToolResult(String.join("\n", parts), Boolean.TRUE.equals(result.isError()));
    }
}
