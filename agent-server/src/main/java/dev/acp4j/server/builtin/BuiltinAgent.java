package dev.acp4j.server.builtin;

import dev.acp4j.auth.Credential;
import dev.acp4j.auth.SignInException;
import dev.acp4j.mcp.McpServerUnavailableException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.mcp.McpTool;
import dev.acp4j.mcp.McpToolResult;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.protocol.session.AvailableCommand;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionConfigSelectOption;
import dev.acp4j.protocol.session.SessionConfigSelectOptions;
import dev.acp4j.protocol.session.SessionMode;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.protocol.session.UnstructuredCommandInput;
import dev.acp4j.server.Agent;
import dev.acp4j.server.PromptTurn;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent acp4j runs out of the box: it answers prompts, lists its slash commands, and
 * {@code /stream N} streams N chunks about 10 ms apart (a long turn, to exercise cancellation);
 * {@code /burst N} streams them back to back (for benchmarks). It titles a session from its first
 * prompt that is not a slash command, has two modes ({@code ask}, {@code code}) and a {@code model} option ({@code acp4j-mini},
 * {@code acp4j-max}), plus a boolean {@code uppercase} option for clients that take booleans; each
 * changes how it answers a plain prompt. {@code /signin METHOD_ID} signs in during the turn
 * ({@link PromptTurn#signIn}); {@code /whoami} names the credential the turn would use (of the provider
 * the session needs, when the configuration's {@code configOptionProviders} maps its model to one).
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
            new AvailableCommand("mcp", "List each MCP server's tools (signs in when a server asks); /mcp call SERVER TOOL {json} calls one",
                    new UnstructuredCommandInput("nothing, or: call SERVER TOOL {json}", null), null),
            new AvailableCommand("signin", "Sign in with an auth method now, through the editor (API-key page or OAuth)",
                    new UnstructuredCommandInput("auth method id", null), null));

    static final String MODE_ASK = "ask";
    static final String MODE_CODE = "code";
    static final String MODEL = "model";
    static final String MODEL_MINI = "acp4j-mini";
    static final String MODEL_MAX = "acp4j-max";
    static final String UPPERCASE = "uppercase";
    private static final int TITLE_LENGTH = 60;

    /** Built on first use: the modes and options are not needed before the first session. */
    private static final class Settings {
        private Settings() {
        }

        private static final List<SessionMode> MODES = List.of(
                new SessionMode(MODE_ASK, "Ask", "Answer in prose", null),
                new SessionMode(MODE_CODE, "Code", "Answer in a code block", null));

        private static final List<SessionConfigOption> OPTIONS = List.of(
                new SessionConfigOption.SelectOption(MODEL, "Model", "How much the agent says", null, MODEL_MINI,
                        SessionConfigSelectOptions.of(List.of(
                                new SessionConfigSelectOption(MODEL_MINI, "acp4j mini", "A one-line answer", null),
                                new SessionConfigSelectOption(MODEL_MAX, "acp4j max", "A longer answer", null))), null),
                new SessionConfigOption.BooleanOption(UPPERCASE, "Uppercase", "Answer in capitals", null, false, null));
    }

    @Override
    public List<AvailableCommand> availableCommands() {
        return COMMANDS;
    }

    @Override
    public List<SessionMode> modes() {
        return Settings.MODES;
    }

    @Override
    public List<SessionConfigOption> configOptions() {
        return Settings.OPTIONS;
    }

    @Override
    public StopReason prompt(PromptTurn turn) throws InterruptedException {
        String text = turn.text().strip();
        if (turn.session().title().isEmpty() && !text.isEmpty() && !text.startsWith("/")) {
            turn.setTitle(title(text));
        }
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
            turn.sendText(turn.credential().map(BuiltinAgent::describe)
                    .orElse("No credential: this agent runs without authentication."));
            return StopReason.END_TURN;
        }
        if (text.startsWith("/signin")) {
            return signIn(turn, text.substring("/signin".length()).strip());
        }
        if (text.equals("/mcp")) {
            return listMcpTools(turn);
        }
        if (text.startsWith("/mcp call")) {
            return callMcpTool(turn, text.substring("/mcp call".length()));
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
        answer(turn, text);
        return StopReason.END_TURN;
    }

    /** The names of the headers the provider's API requires and its base URL, never a value that could be secret. */
    private static String providerApi(Credential credential) {
        String headers = credential.headers().isEmpty() ? ""
                : " Headers: " + String.join(", ", new java.util.TreeSet<>(credential.headers().keySet())) + ".";
        return headers + credential.attribute(Credential.API_BASE_URL).map(url -> " API base URL: " + url + ".").orElse("");
    }

    /** A plain prompt's answer, shaped by the session's mode and options. */
    private static void answer(PromptTurn turn, String text) {
        boolean code = MODE_CODE.equals(turn.modeId());
        String model = turn.configValue(MODEL);
        String reply = "[" + turn.modeId() + ", " + model + "] Hello from acp4j's built-in agent. You said: " + text;
        if (code) {
            reply = reply + "\n```text\n" + text + "\n```";
        }
        if (MODEL_MAX.equals(model)) {
            reply = reply + "\nThis session has " + turn.history().stream()
                    .filter(u -> u instanceof SessionUpdate.UserMessageChunk).count()
                    + " user messages so far, in " + turn.cwd() + ".";
        }
        if ("true".equals(turn.configValue(UPPERCASE))) {
            reply = reply.toUpperCase(Locale.ROOT);
        }
        turn.sendText(reply);
        turn.sendText("\n(Plug in your own logic by implementing dev.acp4j.server.Agent; /help lists commands.)");
    }

    private static String describe(Credential c) {
        return "Signed in: provider " + c.provider() + ", " + c.kind().name().toLowerCase().replace('_', ' ')
                + " from " + c.source() + (c.expiresAt() == null ? "" : ", expires " + c.expiresAt()) + "."
                + providerApi(c);
    }

    /** {@code /signin METHOD_ID}: {@link PromptTurn#signIn} in the middle of the turn. */
    private static StopReason signIn(PromptTurn turn, String methodId) throws InterruptedException {
        if (methodId.isEmpty()) {
            turn.sendText("Usage: /signin METHOD_ID (an api_key_page or oauth2 method of the configuration)");
            return StopReason.END_TURN;
        }
        try {
            turn.sendText(describe(turn.signIn(methodId)));
        } catch (SignInException e) {
            turn.sendText("Not signed in: " + e.getMessage() + ".");
        }
        return turn.isCancelled() ? StopReason.CANCELLED : StopReason.END_TURN;
    }

    private static String title(String prompt) {
        String firstLine = prompt.lines().findFirst().orElse(prompt).strip();
        return firstLine.length() <= TITLE_LENGTH ? firstLine : firstLine.substring(0, TITLE_LENGTH - 1) + "…";
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
            try {
                List<McpTool> tools = turn.mcpTools(server);
                StringBuilder text = new StringBuilder("MCP server \"" + server.name() + "\" (" + where(server) + "): "
                        + tools.size() + (tools.size() == 1 ? " tool" : " tools") + "\n");
                tools.forEach(tool -> text.append("- ").append(tool.name())
                        .append(tool.description() == null ? "" : " — " + tool.description()).append('\n'));
                turn.sendText(text.toString());
            } catch (McpServerUnavailableException e) {
                turn.sendText("MCP server \"" + server.name() + "\" (" + where(server) + ") is unavailable: "
                        + e.getMessage() + ".\n");
            }
        }
        return turn.isCancelled() ? StopReason.CANCELLED : StopReason.END_TURN;
    }

    /** {@code /mcp call SERVER TOOL {json}}: one tool call, its result as the reply. */
    private static StopReason callMcpTool(PromptTurn turn, String arguments) throws InterruptedException {
        String[] parts = arguments.strip().split("\\s+", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            turn.sendText("Usage: /mcp call SERVER TOOL {json arguments}");
            return StopReason.END_TURN;
        }
        McpServer server = turn.mcpServers().stream().filter(s -> s.name().equals(parts[0])).findFirst().orElse(null);
        if (server == null) {
            turn.sendText("This session has no MCP server \"" + parts[0] + "\".");
            return StopReason.END_TURN;
        }
        Map<String, Object> json;
        try {
            json = parts.length < 3 ? Map.of() : Json.shared().readValue(parts[2], new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            turn.sendText("The arguments must be one JSON object, e.g. {\"text\": \"hi\"}.");
            return StopReason.END_TURN;
        }
        try {
            McpToolResult result = turn.callMcpTool(server, parts[1], json);
            turn.sendText((result.isError() ? "Tool " + parts[1] + " failed: " : "") + result.text());
        } catch (McpServerUnavailableException e) {
            turn.sendText("MCP server \"" + server.name() + "\" (" + where(server) + ") is unavailable: "
                    + e.getMessage() + ".");
        }
        return turn.isCancelled() ? StopReason.CANCELLED : StopReason.END_TURN;
    }

    private static String where(McpServer server) {
        if (server instanceof McpServer.Http http) {
            return http.url();
        }
        if (server instanceof McpServer.Stdio stdio) {
            return "stdio: " + stdio.command();
        }
        return "sse: " + ((McpServer.Sse) server).url();
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
