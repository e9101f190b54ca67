package dev.acp4j.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.protocol.mcp.EnvVariable;
import dev.acp4j.protocol.mcp.McpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code stdio} MCP server of a session: its process (command, args and env as the client gave
 * them), started on first use and kept until the session closes. Its stdout is the MCP channel
 * (never acp4j's stdout); each line of its stderr goes to acp4j's log.
 */
final class StdioMcpClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StdioMcpClient.class);

    private final String name;
    private final McpSyncClient client;

    private StdioMcpClient(String name, McpSyncClient client) {
        this.name = name;
        this.client = client;
    }

    /** Starts the server and runs MCP {@code initialize}. */
    static StdioMcpClient start(McpServer.Stdio server) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVariable variable : server.env() == null ? List.<EnvVariable>of() : server.env()) {
            env.put(variable.name(), variable.value());
        }
        ServerParameters parameters = ServerParameters.builder(server.command())
                .args(server.args() == null ? List.of() : server.args())
                .env(env)
                .build();
        StdioClientTransport transport = new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(line -> LOG.info("MCP server {}: {}", server.name(), line));
        McpSyncClient client = McpCalls.client(transport);
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.close();
            throw unavailable(e);
        }
        LOG.debug("MCP server {} started", server.name());
        return new StdioMcpClient(server.name(), client);
    }

    List<McpTool> tools() {
        try {
            return McpCalls.listTools(client);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    McpToolResult call(String tool, Map<String, Object> arguments) {
        try {
            return McpCalls.callTool(client, tool, arguments);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Stops the server process. */
    @Override
    public void close() {
        try {
            client.closeGracefully(); // ends the process (the transport destroys it)
        } catch (RuntimeException e) {
            LOG.debug("MCP server {}: closing failed: {}", name, e.toString());
        }
    }

    private static McpServerUnavailableException unavailable(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new McpServerUnavailableException("it could not be started or did not answer ("
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")");
    }
}
