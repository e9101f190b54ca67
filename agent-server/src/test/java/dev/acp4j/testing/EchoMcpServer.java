package dev.acp4j.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small {@code stdio} MCP server for tests: one tool, {@code echo}, that returns its
 * {@code text} argument. When {@code MARKER_FILE} is set, it writes its pid there on start, so a
 * test can tell whether (and which) process was started, and whether it is gone.
 */
public final class EchoMcpServer {

    private EchoMcpServer() {
    }

    public static void main(String[] args) throws Exception {
        String marker = System.getenv("MARKER_FILE");
        if (marker != null) {
            Files.writeString(Path.of(marker), Long.toString(ProcessHandle.current().pid()));
        }
        System.err.println("echo MCP server started");
        JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        McpSchema.Tool echo = McpSchema.Tool.builder().name("echo").description("Returns its text argument")
                .inputSchema(json, "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}")
                .build();
        McpServer.sync(new StdioServerTransportProvider(json))
                .serverInfo("echo", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(McpServerFeatures.SyncToolSpecification.builder().tool(echo)
                        .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                                .addTextContent("echo: " + request.arguments().get("text")).isError(false).build())
                        .build())
                .build();
        Thread.currentThread().join();
    }
}
