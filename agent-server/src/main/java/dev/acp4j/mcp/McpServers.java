package dev.acp4j.mcp;

import dev.acp4j.auth.AgentIdentity;
import dev.acp4j.auth.config.McpClientConfig;
import dev.acp4j.auth.OAuthTokenRefresher;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.protocol.mcp.McpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Uses the MCP servers of sessions, lazily: nothing happens until a turn uses one. A {@code stdio}
 * server's process is started on first use and stopped when its session closes or the server exits.
 * A server that answers 401 gets its sign-in then ({@link McpSignIn}); its token is stored and
 * reused by later turns and processes. Creating this touches no MCP SDK class.
 */
public final class McpServers {

    private final CredentialStore store;
    private final Clock clock;
    private final Duration elicitationTimeout;
    private final AgentIdentity identity;
    private final Map<String, Object> signInLocks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, StdioMcpClient>> stdio = new ConcurrentHashMap<>();
    private Parts parts;
    private McpClients clients = McpClients.NONE;

    /** Created on first use, so that a process whose sessions never use an MCP server builds none of it. */
    private record Parts(McpCredentials credentials, McpSignIn signIn) {
    }

    /**
     * MCP clients without pre-registered OAuth clients.
     *
     * @param store where MCP OAuth tokens are kept
     * @param clock the clock token expiry is judged by
     * @param elicitationTimeout how long a sign-in may wait for the user
     * @param identity the agent, as sign-in pages and registration name it
     */
    public McpServers(CredentialStore store, Clock clock, Duration elicitationTimeout, AgentIdentity identity) {
        this.identity = identity;
        this.store = store;
        this.clock = clock;
        this.elicitationTimeout = elicitationTimeout;
    }

    /**
     * As {@link #McpServers(CredentialStore, Clock, Duration, AgentIdentity)}, with the configuration's
     * pre-registered clients ({@code mcpClients}): used before dynamic registration, and their
     * {@code caBundle} for the servers' HTTPS.
     *
     * @param store where MCP OAuth tokens are kept
     * @param clock the clock token expiry is judged by
     * @param elicitationTimeout how long a sign-in may wait for the user
     * @param identity the agent, as sign-in pages and registration name it
     * @param mcpClients the pre-registered clients
     */
    public McpServers(CredentialStore store, Clock clock, Duration elicitationTimeout, AgentIdentity identity,
                      List<McpClientConfig> mcpClients) {
        this(store, clock, elicitationTimeout, identity);
        this.clients = new McpClients(mcpClients);
    }

    /**
     * Lists the tools of {@code server}, signing in first when it demands it.
     *
     * @param server an HTTP MCP server of the session
     * @param prompt sends the user to a URL (a session-scoped URL elicitation), or null when the
     *               client cannot: a server that demands a sign-in is then unavailable
     * @param cancellation the turn's cancellation
     * @return the tools
     * @throws McpServerUnavailableException when the server cannot be used; the message says why
     * @throws InterruptedException when the thread is interrupted during a sign-in
     */
    public List<McpTool> tools(McpServer.Http server, BiFunction<URI, String, UserPrompt> prompt,
                               CancellationToken cancellation) throws InterruptedException {
        return withSignIn(server, prompt, cancellation, McpCalls::listTools);
    }

    /**
     * Calls a tool of {@code server}; signs in first (once) when the server demands it, as {@link #tools}.
     *
     * @param server an HTTP MCP server of the session
     * @param tool the tool name
     * @param arguments the tool arguments
     * @param prompt sends the user to a URL, or null when the client cannot
     * @param cancellation the turn's cancellation
     * @return the tool result
     * @throws InterruptedException when the thread is interrupted during a sign-in
     */
    public McpToolResult call(McpServer.Http server, String tool, Map<String, Object> arguments,
                              BiFunction<URI, String, UserPrompt> prompt, CancellationToken cancellation)
            throws InterruptedException {
        return withSignIn(server, prompt, cancellation, client -> McpCalls.callTool(client, tool, arguments));
    }

    /**
     * Makes sure a usable token for {@code server} is stored, signing in when the server demands it
     * ({@code mcpSignIn: "eager"}, at {@code session/new}): nothing is sent to a server whose token
     * is stored and usable; otherwise the server is contacted, and a 401 starts its sign-in as the
     * first use in a turn would.
     *
     * @param server an HTTP MCP server of the session
     * @param prompt sends the user to a URL (a session-scoped URL elicitation)
     * @param cancellation the request's cancellation
     * @throws McpServerUnavailableException when the server cannot be used; the message says why
     * @throws InterruptedException when the thread is interrupted during a sign-in
     */
    public void signIn(McpServer.Http server, BiFunction<URI, String, UserPrompt> prompt,
                       CancellationToken cancellation) throws InterruptedException {
        if (parts().credentials().accessToken(url(server.url())).isEmpty()) {
            withSignIn(server, prompt, cancellation, McpCalls::listTools);
        }
    }

    /**
     * Lists the tools of a {@code stdio} server of the session, starting its process on first use.
     *
     * @param sessionId the session
     * @param server a stdio MCP server of the session
     * @return the tools
     * @throws McpServerUnavailableException when it cannot be started or does not answer
     */
    public List<McpTool> tools(String sessionId, McpServer.Stdio server) {
        return stdio(sessionId, server).tools();
    }

    /**
     * Calls a tool of a {@code stdio} server of the session, starting its process on first use.
     *
     * @param sessionId the session
     * @param server a stdio MCP server of the session
     * @param tool the tool name
     * @param arguments the tool arguments
     * @return the tool result
     */
    public McpToolResult call(String sessionId, McpServer.Stdio server, String tool, Map<String, Object> arguments) {
        return stdio(sessionId, server).call(tool, arguments);
    }

    /**
     * Stops the {@code stdio} servers started for a session (at {@code session/close}).
     *
     * @param sessionId the session
     */
    public void closeSession(String sessionId) {
        Map<String, StdioMcpClient> started = stdio.remove(sessionId);
        if (started != null) {
            synchronized (started) {
                started.values().forEach(StdioMcpClient::close);
                started.clear();
            }
        }
    }

    /** Stops every {@code stdio} server (at exit). */
    public void closeAll() {
        stdio.keySet().forEach(this::closeSession);
    }

    private StdioMcpClient stdio(String sessionId, McpServer.Stdio server) {
        Map<String, StdioMcpClient> started = stdio.computeIfAbsent(sessionId, id -> new HashMap<>());
        synchronized (started) {
            StdioMcpClient client = started.get(server.name());
            if (client == null) {
                client = StdioMcpClient.start(server);
                started.put(server.name(), client);
            }
            return client;
        }
    }

    private <T> T withSignIn(McpServer.Http server, BiFunction<URI, String, UserPrompt> prompt,
                             CancellationToken cancellation, Function<McpSyncClient, T> work) throws InterruptedException {
        URI url = url(server.url());
        Parts parts = parts();
        McpCredentials credentials = parts.credentials();
        Optional<String> token = credentials.accessToken(url);
        try {
            return StreamableHttpMcpClient.run(url, server.headers(), token.orElse(null), clients.trust(url), work);
        } catch (McpUnauthorizedException unauthorized) {
            String fresh;
            synchronized (signInLocks.computeIfAbsent(url.toString(), key -> new Object())) {
                Optional<String> now = credentials.afterRejection(url, token.orElse(null));
                fresh = now.isPresent() && !now.equals(token) ? now.get()
                        : parts.signIn().signIn(server.name(), url, unauthorized.wwwAuthenticate(), prompt, cancellation);
            }
            try {
                return StreamableHttpMcpClient.run(url, server.headers(), fresh, clients.trust(url), work);
            } catch (McpUnauthorizedException again) {
                throw new McpServerUnavailableException("it refused the token of the new sign-in");
            }
        }
    }

    private synchronized Parts parts() {
        if (parts == null) {
            McpCredentials credentials = new McpCredentials(store, new OAuthTokenRefresher(store, clock), clock, identity);
            parts = new Parts(credentials, new McpSignIn(credentials, clock, elicitationTimeout, identity, clients));
        }
        return parts;
    }

    private static URI url(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new McpServerUnavailableException("its URL is not an http(s) URL");
        }
    }
}
