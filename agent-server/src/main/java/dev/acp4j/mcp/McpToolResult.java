package dev.acp4j.mcp;

/**
 * What a tool call ({@code tools/call}) returned.
 *
 * @param text    its text content, joined by newlines (other content is summarised by type)
 * @param isError whether the tool reported an error
 */
public record McpToolResult(String text, boolean isError) {
}
