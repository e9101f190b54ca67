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
 * A small {@code stdio} MCP server for tests: {@code echo} returns its {@code text} argument,
 * {@code hang} never answers (and, with {@code MARKER_FILE} set, first writes {@code MARKER_FILE.hang}). When {@code MARKER_FILE} is set, it writes its pid there on start, so a
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
                .tools(McpServerFeatures.SyncToolSpecification.builder()
                        .tool(McpSchema.Tool.builder().name("hang").description("Never answers")
                                .inputSchema(json, "{\"type\":\"object\"}").build())
                        .callHandler((exchange, request) -> {
                            try {
                                if (marker != null) {
                                    Files.writeString(Path.of(marker + ".hang"), "called");
                                }
                                Thread.sleep(Long.MAX_VALUE);
                            } catch (InterruptedException | java.io.IOException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw new IllegalStateException("interrupted");
                        })
                        .build())
                .build();
        Thread.currentThread().join();
    }
}
