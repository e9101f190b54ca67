package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.testing.EchoMcpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14's acceptance for {@code stdio} MCP servers: started on first use, tools listed and called, stopped at close and exit. */
class StdioMcpLauncherIT extends LauncherTestBase {

    private Map<String, Object> echoServer(Path marker) {
        return Map.of("name", "echo",
                "command", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "args", List.of("-cp", System.getProperty("java.class.path"), EchoMcpServer.class.getName()),
                "env", List.of(Map.of("name", "MARKER_FILE", "value", marker.toString())));
    }

    private static String prompt(AgentProcess agent, String sessionId, String text) throws Exception {
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", text))));
        List<JsonNode> before = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, before, 60_000);
        assertThat(answer.at("/result/stopReason").asText()).as(answer.toString()).isEqualTo("end_turn");
        StringBuilder reply = new StringBuilder();
        before.stream().filter(m -> "agent_message_chunk".equals(m.at("/params/update/sessionUpdate").asText()))
                .forEach(m -> reply.append(m.at("/params/update/content/text").asText()));
        return reply.toString();
    }

    @Test
    void aStdioServerStartsOnFirstUseItsToolIsCalledAndItStopsAtClose() throws Exception {
        Path marker = home.resolve("echo.pid");
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString(), "--log-level", "info");
        agent.initialize(Map.of());
        JsonNode created = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of(echoServer(marker))));
        String sessionId = created.at("/result/sessionId").asText();
        prompt(agent, sessionId, "hello");
        assertThat(marker).as("not started before it is used").doesNotExist();

        String listed = prompt(agent, sessionId, "/mcp");
        assertThat(listed).contains("MCP server \"echo\" (stdio: ").contains("2 tools").contains("- echo — Returns its text argument");
        long pid = Long.parseLong(Files.readString(marker));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        assertThat(prompt(agent, sessionId, "/mcp call echo echo {\"text\": \"hi there\"}")).isEqualTo("echo: hi there");
        assertThat(prompt(agent, sessionId, "/mcp call echo echo [1")).startsWith("The arguments must be one JSON object");
        assertThat(prompt(agent, sessionId, "/mcp call nope echo {}")).isEqualTo("This session has no MCP server \"nope\".");
        assertThat(Files.readString(marker)).as("one process for the session").isEqualTo(Long.toString(pid));

        assertThat(agent.call("session/close", Map.of("sessionId", sessionId)).has("result")).isTrue();
        assertThat(waitUntilGone(pid)).as("the server process is stopped at session/close").isTrue();
        assertThat(agent.stderr()).contains("MCP server echo: echo MCP server started");
    }

    @Test
    void stdioServersAreStoppedWhenTheAgentExits() throws Exception {
        EchoSession echo = echoSessionAfterOneCall();
        AgentProcess agent = echo.agent();
        String sessionId = echo.sessionId();
        long pid = echo.pid();
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).isZero();
        assertThat(waitUntilGone(pid)).as("the server process is stopped at exit").isTrue();
    }

    @Test
    void aTurnHangingOnAStdioServerPastTheCancelGraceStopsItAndTheServerStartsAgainOnNextUse() throws Exception {
        EchoSession echo = echoSessionAfterOneCall();
        AgentProcess agent = echo.agent();
        String sessionId = echo.sessionId();
        long pid = echo.pid();

        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/mcp call echo hang {}"))));
        Path hanging = home.resolve("echo.pid.hang");
        for (long deadline = System.nanoTime() + 30_000_000_000L; !Files.exists(hanging) && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
        }
        assertThat(hanging).as("the tool call reached the server").exists();
        agent.notify("session/cancel", Map.of("sessionId", sessionId));
        JsonNode answer = agent.collectUntilResponse(id, new ArrayList<>(), 30_000);
        assertThat(answer.at("/result/stopReason").asText()).as(answer.toString()).isEqualTo("cancelled");
        assertThat(waitUntilGone(pid)).as("the hanging server is stopped after the grace period").isTrue();

        assertThat(prompt(agent, sessionId, "/mcp call echo echo {\"text\": \"again\"}")).isEqualTo("echo: again");
        assertThat(Files.readString(home.resolve("echo.pid"))).as("a new process on next use").isNotEqualTo(Long.toString(pid));
    }

    private record EchoSession(AgentProcess agent, String sessionId, long pid) {
    }

    /** An agent with a session whose {@code echo} server has answered one call (so it runs). */
    private EchoSession echoSessionAfterOneCall() throws Exception {
        Path marker = home.resolve("echo.pid");
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of(echoServer(marker))))
                .at("/result/sessionId").asText();
        assertThat(prompt(agent, sessionId, "/mcp call echo echo {\"text\": \"x\"}")).isEqualTo("echo: x");
        return new EchoSession(agent, sessionId, Long.parseLong(Files.readString(marker)));
    }

    /** Waits (up to 10 s) for the process to end; true when it has. */
    private static boolean waitUntilGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
