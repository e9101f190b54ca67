package dev.acp4j.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The MCP requests acp4j makes on an initialized client, whatever its transport. */
final class McpCalls {

    private McpCalls() {
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
