package dev.acp4j.protocol.mcp;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class McpServerTest {

    @Test
    void stdioHasNoTypeOnTheWire() {
        McpServer server = assertRoundTrip("""
                {"name":"fs","command":"/usr/bin/mcp-fs","args":["--root","/"],"env":[{"name":"DEBUG","value":"1"}]}""",
                McpServer.class);
        assertThat(server).isEqualTo(new McpServer.Stdio("fs", "/usr/bin/mcp-fs", List.of("--root", "/"),
                List.of(EnvVariable.of("DEBUG", "1")), null));
    }

    @Test
    void explicitStdioTypeIsAccepted() {
        assertThat(read("{\"type\":\"stdio\",\"name\":\"x\",\"command\":\"c\",\"args\":[],\"env\":[]}", McpServer.class))
                .isInstanceOf(McpServer.Stdio.class);
    }

    @Test
    void httpAndSseRoundTrip() {
        assertThat(assertRoundTrip("""
                {"type":"http","name":"api","url":"https://mcp.example.com","headers":[{"name":"X-A","value":"b"}]}""",
                McpServer.class))
                .isEqualTo(new McpServer.Http("api", "https://mcp.example.com", List.of(HttpHeader.of("X-A", "b")), null));
        assertThat(assertRoundTrip("""
                {"type":"sse","name":"events","url":"https://mcp.example.com/sse","headers":[]}""", McpServer.class))
                .isEqualTo(new McpServer.Sse("events", "https://mcp.example.com/sse", List.of(), null));
    }
}
