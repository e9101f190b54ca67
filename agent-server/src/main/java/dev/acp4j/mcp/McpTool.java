package dev.acp4j.mcp;

/**
 * A tool an MCP server offers ({@code tools/list}).
 *
 * @param name        the tool's name
 * @param description what it does, or null
 */
public record McpTool(String name, String description) {
}
