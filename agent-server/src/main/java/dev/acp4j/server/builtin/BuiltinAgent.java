package dev.acp4j.server.builtin;

import dev.acp4j.mcp.McpServerUnavailableException;
import dev.acp4j.mcp.McpTool;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.protocol.session.AvailableCommand;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.protocol.session.UnstructuredCommandInput;
import dev.acp4j.server.Agent;
import dev.acp4j.server.PromptTurn;
import java.util.List;

/**
 * The agent acp4j runs out of the box: it answers prompts, lists its slash commands, and
 * {@code /stream N} streams N chunks about 10 ms apart (a long turn, to exercise cancellation);
 * {@code /burst N} streams them back to back (for benchmarks).
 */
public final class BuiltinAgent implements Agent {

    static final int MAX_STREAM_CHUNKS = 100_000;
    private static final long CHUNK_INTERVAL_MILLIS = 10;

    private static final List<AvailableCommand> COMMANDS = List.of(
            AvailableCommand.of("help", "List the commands of the built-in agent"),
            new AvailableCommand("stream", "Stream N chunks about 10 ms apart (a long turn, for cancellation)",
                    new UnstructuredCommandInput("number of chunks, e.g. 200", null), null),
            new AvailableCommand("burst", "Stream N chunks back to back (for benchmarks)",
                    new UnstructuredCommandInput("number of chunks, e.g. 10000", null), null),
            new AvailableCommand("echo", "Repeat the text back",
                    new UnstructuredCommandInput("text to repeat", null), null),
            AvailableCommand.of("whoami", "Show which credential the agent would use (never the secret)"),
            AvailableCommand.of("mcp", "Connect to each MCP server of the session and list its tools (signs in when a server asks)"));

    @Override
    public List<AvailableCommand> availableCommands() {
        return COMMANDS;
    }

    @Override
    public StopReason prompt(PromptTurn turn) throws InterruptedException {
        String text = turn.text().strip();
        if (text.startsWith("/stream")) {
            return stream(turn, text.substring("/stream".length()).strip(), CHUNK_INTERVAL_MILLIS);
        }
        if (text.startsWith("/burst")) {
            return stream(turn, text.substring("/burst".length()).strip(), 0);
        }
        if (text.startsWith("/echo")) {
            turn.sendText(text.substring("/echo".length()).strip());
            return StopReason.END_TURN;
        }
        if (text.equals("/whoami")) {
            turn.sendText(turn.credential()
                    .map(c -> "Signed in: provider " + c.provider() + ", " + c.kind().name().toLowerCase().replace('_', ' ')
                            + " from " + c.source() + (c.expiresAt() == null ? "" : ", expires " + c.expiresAt()) + ".")
                    .orElse("No credential: this agent runs without authentication."));
            return StopReason.END_TURN;
        }
        if (text.equals("/mcp")) {
            return listMcpTools(turn);
        }
        if (text.equals("/help")) {
            StringBuilder help = new StringBuilder("Commands of the built-in agent:\n");
            COMMANDS.forEach(c -> help.append("/").append(c.name()).append(" — ").append(c.description()).append('\n'));
            turn.sendText(help.toString());
            return StopReason.END_TURN;
        }
        if (text.isEmpty()) {
            turn.sendText("The prompt had no text. Try /help.");
            return StopReason.END_TURN;
        }
        turn.sendText("Hello from acp4j's built-in agent. You said: " + text);
        turn.sendText("\n(Plug in your own logic by implementing dev.acp4j.server.Agent; /help lists commands.)");
        return StopReason.END_TURN;
    }

    private static StopReason listMcpTools(PromptTurn turn) throws InterruptedException {
        if (turn.mcpServers().isEmpty()) {
            turn.sendText("This session has no MCP servers.");
            return StopReason.END_TURN;
        }
        for (McpServer server : turn.mcpServers()) {
            if (turn.isCancelled()) {
                return StopReason.CANCELLED;
            }
            if (!(server instanceof McpServer.Http http)) {
                turn.sendText("MCP server \"" + server.name() + "\": skipped (/mcp connects to http servers only).\n");
                continue;
            }
            try {
                List<McpTool> tools = turn.mcpTools(http);
                StringBuilder text = new StringBuilder("MCP server \"" + http.name() + "\" (" + http.url() + "): "
                        + tools.size() + (tools.size() == 1 ? " tool" : " tools") + "\n");
                tools.forEach(tool -> text.append("- ").append(tool.name())
                        .append(tool.description() == null ? "" : " — " + tool.description()).append('\n'));
                turn.sendText(text.toString());
            } catch (McpServerUnavailableException e) {
                turn.sendText("MCP server \"" + http.name() + "\" (" + http.url() + ") is unavailable: "
                        + e.getMessage() + ".\n");
            }
        }
        return turn.isCancelled() ? StopReason.CANCELLED : StopReason.END_TURN;
    }

    private static StopReason stream(PromptTurn turn, String argument, long intervalMillis) throws InterruptedException {
        int count;
        try {
            count = argument.isEmpty() ? 10 : Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_STREAM_CHUNKS) {
            turn.sendText("Usage: /stream N or /burst N, with N from 1 to " + MAX_STREAM_CHUNKS + ".");
            return StopReason.END_TURN;
        }
        for (int i = 1; i <= count; i++) {
            if (turn.isCancelled()) {
                return StopReason.CANCELLED;
            }
            turn.sendText("chunk " + i + "/" + count + "\n");
            if (i < count && intervalMillis > 0) {
                Thread.sleep(intervalMillis);
            }
        }
        return StopReason.END_TURN;
    }
}
