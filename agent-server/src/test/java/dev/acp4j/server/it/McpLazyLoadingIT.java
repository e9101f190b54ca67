package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MCP servers are used lazily: start-up and {@code session/new} with an {@code http} MCP server load
 * nothing of the MCP SDK (nor Reactor, which it brings), and contact no server.
 */
class McpLazyLoadingIT extends LauncherTestBase {

    @Test
    void sessionNewWithAnHttpMcpServerLoadsNoMcpClass() throws Exception {
        Path classes = home.resolve("classes.log");
        AgentProcess agent = start(Map.of("ACP4J_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "--config", emptyConfig().toString());
        assertThat(agent.initialize(Map.of()).at("/result/agentCapabilities/mcpCapabilities/http").asBoolean())
                .as("http MCP servers are advertised").isTrue();
        // 127.0.0.1:9 (discard) is closed: any connection attempt would fail, and none is made here.
        assertThat(agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of(Map.of(
                "type", "http", "name", "remote", "url", "http://127.0.0.1:9/mcp", "headers", List.of()))))
                .at("/result/sessionId").asText()).isNotEmpty();
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();

        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the class-load log was written").anyMatch(line -> line.contains("dev.acp4j.cli.Main "));
        assertThat(loaded).noneMatch(line -> line.contains(" io.modelcontextprotocol.") || line.contains(" reactor.")
                || line.contains(" dev.acp4j.mcp.McpSignIn ") || line.contains(" dev.acp4j.mcp.StreamableHttpMcpClient "));
    }
}
