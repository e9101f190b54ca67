/**
 * Remote MCP servers of a session ({@code mcpServers}, type {@code http}): an MCP client on the
 * MCP Java SDK's streamable-HTTP transport, and the OAuth sign-in such a server may demand on
 * first use. Only {@code StreamableHttpMcpClient} touches the SDK, so nothing of it is loaded
 * before a turn uses a server.
 */
package dev.acp4j.mcp;
