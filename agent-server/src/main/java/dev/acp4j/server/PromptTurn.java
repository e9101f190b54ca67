package dev.acp4j.server;

import dev.acp4j.auth.Credential;
import dev.acp4j.auth.CredentialResolver;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.mcp.McpServerUnavailableException;
import dev.acp4j.mcp.McpServers;
import dev.acp4j.mcp.McpTool;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    private boolean finished;

    PromptTurn(Session session, List<ContentBlock> prompt, CancellationToken cancellation, Client client,
               CredentialResolver credentials, McpServers mcp) {
        this.session = session;
        this.prompt = List.copyOf(prompt);
        this.cancellation = cancellation;
        this.client = client;
        this.credentials = credentials;
        this.mcp = mcp;
    }

    /**
     * The credential to call {@code provider} with now (an API key, or an OAuth access token
     * refreshed when close to expiry), in the profile's order of precedence.
     *
     * @param provider the provider an auth method names ({@code provider}, default its id)
     * @return the credential, or empty when none is usable (the client must authenticate)
     */
    public Optional<Credential> credential(String provider) {
        return credentials.resolve(provider);
    }

    /**
     * The first usable credential of any configured provider.
     *
     * @return the credential, or empty when none is usable
     */
    public Optional<Credential> credential() {
        return credentials.anyUsable();
    }

    /** @return the id of the session this turn runs in */
    public String sessionId() {
        return session.id();
    }

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

    /** Streams any session update. Dropped once the turn has been answered. */
    public synchronized void send(SessionUpdate update) {
        if (!finished) {
            client.notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(session.id(), update));
        }
    }

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

    synchronized void finish() {
        finished = true;
    }
}
