package dev.acp4j.server;

import dev.acp4j.auth.Credential;
import dev.acp4j.auth.CredentialResolver;
import dev.acp4j.auth.SessionSignIn;
import dev.acp4j.auth.SignInException;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.mcp.McpServerUnavailableException;
import dev.acp4j.mcp.McpServers;
import dev.acp4j.mcp.McpTool;
import dev.acp4j.mcp.McpToolResult;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.protocol.session.Cost;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.TextChunkWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One prompt turn as an agent sees it: the session, the prompt, a way to stream
 * {@code session/update}s, the client, and the cancellation signal.
 */
public final class PromptTurn {

    private final Session session;
    private final List<ContentBlock> prompt;
    private final CancellationToken cancellation;
    private final Client client;
    private final CredentialResolver credentials;
    private final McpServers mcp;
    private final SessionSettings settings;
    private final TitleSink titles;
    private final SessionSignIn signIns;
    private volatile List<String> requiredProviders = List.of();
    private final String agentMessageId = UUID.randomUUID().toString();
    private final String agentThoughtId = UUID.randomUUID().toString();
    private boolean finished;
    /** Where {@link #send} writes text chunks (guarded by this). */
    private TextChunkWriter chunkLine;

    /** Where a new title goes: the session's record and a {@code session_info_update}. */
    @FunctionalInterface
    interface TitleSink {
        void retitle(Session session, String title);
    }

    PromptTurn(Session session, List<ContentBlock> prompt, CancellationToken cancellation, Client client,
               CredentialResolver credentials, McpServers mcp, SessionSettings settings, TitleSink titles,
               SessionSignIn signIns) {
        this.signIns = signIns;
        this.settings = settings;
        this.titles = titles;
        this.session = session;
        this.prompt = List.copyOf(prompt);
        this.cancellation = cancellation;
        this.client = client;
        this.credentials = credentials;
        this.mcp = mcp;
    }

    /**
     * The credential to call {@code provider} with now (an API key, or an OAuth access token
     * refreshed when close to expiry), in the profile's order of precedence. For an {@code oauth2}
     * method with an {@code exchange} it is the exchanged API token; send it with the
     * {@link Credential#headers()} to {@code attribute(Credential.API_BASE_URL)}.
     *
     * @param provider the provider an auth method names ({@code provider}, default its id)
     * @return the credential, or empty when none is usable (the client must authenticate)
     */
    public Optional<Credential> credential(String provider) {
        return credentials.resolve(provider);
    }

    /**
     * The credential of the first provider this turn needs ({@link #requiredProviders()}), or, when
     * it needs none in particular, the first usable credential of any configured provider.
     *
     * @return the credential, or empty when none is usable
     */
    public Optional<Credential> credential() {
        List<String> required = requiredProviders;
        return required.isEmpty() ? credentials.anyUsable() : credentials.resolve(required.get(0));
    }

    /**
     * The providers this turn was admitted for: what {@link Agent#requiredProviders(GatedRequest)}
     * and the configuration's {@code configOptionProviders} named for it, each with a usable
     * credential when the turn began.
     *
     * @return the providers, in order; empty when any provider's credential admitted the turn
     */
    public List<String> requiredProviders() {
        return requiredProviders;
    }

    /**
     * Signs the user in with the auth method {@code methodId} now, in the middle of the turn (e.g.
     * for a provider only a subagent or tool of this turn needs): a usable credential of the method's
     * kind is returned at once (a stored token refreshed first); otherwise the user is sent to the
     * method's page (the API-key page, or the OAuth authorization or device page) through a
     * session-scoped URL elicitation ({@code elicitation/create} with this session's id), and this
     * blocks until the sign-in ends. Only {@code api_key_page} and {@code oauth2} methods sign in this
     * way. The secret never crosses ACP.
     *
     * @param methodId the id of an {@code api_key_page} or {@code oauth2} method of the configuration
     * @return the credential the sign-in yielded, as {@link #credential(String)} would return it now
     * @throws SignInException when the sign-in did not happen: declined or cancelled by the user, not
     *         finished in time, failed, an unknown or non-interactive method, or a client without
     *         {@code elicitation.url}; its message says why in words the user can read
     * @throws java.util.concurrent.CancellationException when the turn is cancelled meanwhile
     * @throws InterruptedException when the turn's thread is interrupted
     */
    public Credential signIn(String methodId) throws InterruptedException {
        return signIns.signIn(methodId, client.state().supportsUrlElicitation()
                ? (url, message) -> client.openUrl(session.id(), url, message) : null, cancellation);
    }

    void requireProviders(List<String> providers) {
        this.requiredProviders = List.copyOf(providers);
    }

    /** @return the id of the session this turn runs in */
    public String sessionId() {
        return session.id();
    }

    /** {@return the session this turn runs in (its title, directories, recorded history)} */
    public Session session() {
        return session;
    }

    /** {@return the further workspace roots of the session ({@code additionalDirectories})} */
    public List<Path> additionalDirectories() {
        return session.additionalDirectories();
    }

    /**
     * The session's recorded conversation before this turn's prompt and what this turn has sent
     * so far (see {@link Session#history()}); after a {@code session/load} in a new process it
     * holds the earlier processes' turns too.
     *
     * @return the updates, oldest first
     */
    public List<SessionUpdate> history() {
        return session.history();
    }

    /** {@return the session's current mode ({@link Agent#modes()}), or null when the agent has none} */
    public String modeId() {
        return settings.currentModeId(session.state());
    }

    /**
     * The current value of a config option ({@link Agent#configOptions()}): a select option's
     * value id, or {@code "true"}/{@code "false"} for a boolean one; null for an unknown id.
     *
     * @param configId the option's {@code id}
     * @return the current value, or null
     */
    public String configValue(String configId) {
        return settings.currentValue(session.state(), configId, client.state().supportsBooleanConfigOptions());
    }

    /**
     * Sets the session's title (shown by {@code session/list}); the client gets a {@code session_info_update}.
     *
     * @param title the new title
     */
    public void setTitle(String title) {
        if (title != null && !title.isBlank() && !title.equals(session.title().orElse(null))) {
            synchronized (this) {
                if (finished) {
                    return;
                }
            }
            titles.retitle(session, title.strip());
        }
    }

    /**
     * Reports context-window usage ({@code used} of {@code size} tokens) and, optionally, the cost so far.
     *
     * @param used tokens in the context window now
     * @param size the context window's size, in tokens
     * @param cost the session's cost so far, or null
     */
    public void reportUsage(long used, long size, Cost cost) {
        send(new SessionUpdate.UsageUpdate(used, size, cost, null));
    }

    /** {@return the session's working directory (absolute)} */
    public Path cwd() {
        return session.cwd();
    }

    /** @return the MCP servers the client passed for this session */
    public List<McpServer> mcpServers() {
        return session.mcpServers();
    }

    /**
     * Connects to an {@code http} MCP server of this session and lists its tools. When the server
     * demands OAuth and no usable token is stored, this signs the user in first, through a
     * session-scoped URL elicitation, and blocks until the sign-in ends.
     *
     * @param server one of {@link #mcpServers()}
     * @return the server's tools
     * @throws McpServerUnavailableException when the server cannot be used (e.g. the sign-in was declined)
     * @throws InterruptedException when the turn's thread is interrupted
     */
    public List<McpTool> mcpTools(McpServer.Http server) throws InterruptedException {
        return mcp.tools(server, client.state().supportsUrlElicitation()
                ? (url, message) -> client.openUrl(session.id(), url, message) : null, cancellation);
    }

    /** @return the prompt's content blocks, as the client sent them */
    public List<ContentBlock> prompt() {
        return prompt;
    }

    /**
     * The text blocks of the prompt, joined by newlines.
     *
     * @return the text; empty when the prompt holds no text block
     */
    public String text() {
        return prompt.stream()
                .filter(ContentBlock.Text.class::isInstance)
                .map(block -> ((ContentBlock.Text) block).text())
                .collect(Collectors.joining("\n"));
    }

    /**
     * Streams an {@code agent_message_chunk} with {@code text}.
     *
     * @param text the chunk
     */
    public void sendText(String text) {
        send(SessionUpdate.agentMessage(text));
    }

    /**
     * Streams any session update. Message chunks without a {@code messageId} get this turn's
     * (one for the reply, one for the thoughts). Conversation updates (messages, thoughts, tool
     * calls, plans) are recorded in the session before they are sent, so that
     * {@code session/load} replays them. Dropped once the turn has been answered.
     *
     * @param update the update, sent as {@code session/update}
     */
    public synchronized void send(SessionUpdate update) {
        if (!finished) {
            SessionUpdate sent = withMessageId(update);
            if (isConversation(sent)) {
                if (sendTextChunk(sent)) {
                    return;
                }
                // serialized once, for the store and the wire alike
                byte[] json = client.encode(sent);
                if (json != null) {
                    session.record(sent, json);
                    client.notifyEncoded(AcpMethods.SESSION_UPDATE, session.updateParams(json));
                    return;
                }
                session.record(sent);
            }
            client.notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(session.id(), sent));
        }
    }

    /**
     * A text chunk, written by hand into this turn's buffer as the params of its
     * {@code session/update}; the store takes the update's bytes from it, the connection the params.
     */
    private boolean sendTextChunk(SessionUpdate update) {
        TextChunkWriter line = chunkLine;
        if (line == null) {
            line = new TextChunkWriter();
            chunkLine = line;
        }
        line.reset();
        line.append(session.updateParamsPrefix());
        int start = line.length();
        if (!line.appendUpdate(update)) {
            return false;
        }
        int end = line.length();
        line.append((byte) '}');
        session.record(update, line.bytes(), start, end - start);
        client.notifyEncoded(AcpMethods.SESSION_UPDATE, line.bytes(), 0, line.length());
        return true;
    }

    private SessionUpdate withMessageId(SessionUpdate update) {
        if (update instanceof SessionUpdate.AgentMessageChunk c && c.messageId() == null) {
            return new SessionUpdate.AgentMessageChunk(c.content(), agentMessageId, c.meta());
        }
        if (update instanceof SessionUpdate.AgentThoughtChunk c && c.messageId() == null) {
            return new SessionUpdate.AgentThoughtChunk(c.content(), agentThoughtId, c.meta());
        }
        return update;
    }

    /** What belongs to the conversation, as opposed to the session's state (mode, options, title, usage). */
    static boolean isConversation(SessionUpdate update) {
        return update instanceof SessionUpdate.UserMessageChunk || update instanceof SessionUpdate.AgentMessageChunk
                || update instanceof SessionUpdate.AgentThoughtChunk || update instanceof SessionUpdate.ToolCall
                || update instanceof SessionUpdate.ToolCallUpdateNotification || update instanceof SessionUpdate.Plan;
    }

    /**
     * Whether the client sent {@code session/cancel} for this turn; the agent should then stop soon and
     * return {@code StopReason.CANCELLED}.
     *
     * @return true once the turn is cancelled
     */
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** @return the turn's cancellation, to wait on or to register a callback with */
    public CancellationToken cancellation() {
        return cancellation;
    }

    /** @return the client's capabilities and methods, for calls made during this turn */
    public Client client() {
        return client;
    }

    /**
     * Lists the tools of any MCP server of this session: an {@code http} one as
     * {@link #mcpTools(McpServer.Http)} does; a {@code stdio} one is started on first use (command,
     * args and env as the client gave them) and runs until the session closes.
     *
     * @param server one of {@link #mcpServers()}
     * @return the server's tools
     * @throws McpServerUnavailableException when the server cannot be used, or is of a transport acp4j does not speak ({@code sse})
     * @throws InterruptedException when the turn's thread is interrupted
     */
    public List<McpTool> mcpTools(McpServer server) throws InterruptedException {
        if (server instanceof McpServer.Http http) {
            return mcpTools(http);
        }
        if (server instanceof McpServer.Stdio stdio) {
            return mcp.tools(session.id(), stdio);
        }
        throw McpServerUnavailableException.unsupported(server.name());
    }

    /**
     * Calls a tool of an MCP server of this session ({@code tools/call}) with JSON-like arguments
     * (maps, lists, strings, numbers, booleans). An {@code http} server that answers 401 gets its
     * sign-in first, then the call is retried once; a {@code stdio} server is started on first use.
     *
     * @param server    one of {@link #mcpServers()}
     * @param tool      the tool's name
     * @param arguments the tool's arguments (null for none)
     * @return what the tool returned
     * @throws McpServerUnavailableException when the server cannot be used; the message says why
     * @throws InterruptedException when the turn's thread is interrupted
     */
    public McpToolResult callMcpTool(McpServer server, String tool, Map<String, Object> arguments)
            throws InterruptedException {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        if (server instanceof McpServer.Http http) {
            return mcp.call(http, tool, args, client.state().supportsUrlElicitation()
                    ? (url, message) -> client.openUrl(session.id(), url, message) : null, cancellation);
        }
        if (server instanceof McpServer.Stdio stdio) {
            return mcp.call(session.id(), stdio, tool, args);
        }
        throw McpServerUnavailableException.unsupported(server.name());
    }

    synchronized void finish() {
        finished = true;
    }
}
