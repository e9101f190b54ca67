package dev.acp4j.server;

import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.jsonrpc.JsonRpcConnection;
import dev.acp4j.mcp.McpServerUnavailableException;
import dev.acp4j.mcp.McpServers;
import dev.acp4j.protocol.mcp.McpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mcpSignIn: "eager"}: right after {@code session/new} has been answered (the client knows
 * the session id its elicitations carry), signs in to each {@code http} MCP server of the session
 * that has no usable token, one after the other, on a worker thread. A server that cannot be used
 * is logged; the session's turns try it again as usual. Closing the session cancels what is left.
 */
final class EagerMcpSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(EagerMcpSignIn.class);

    private final McpServers mcp;
    private final Executor executor;
    private final Map<String, CancellationToken> running = new ConcurrentHashMap<>();

    EagerMcpSignIn(McpServers mcp, Executor executor) {
        this.mcp = mcp;
        this.executor = executor;
    }

    void start(Session session, JsonRpcConnection peer, ClientState client) {
        List<McpServer.Http> servers = session.mcpServers().stream()
                .filter(McpServer.Http.class::isInstance).map(McpServer.Http.class::cast).toList();
        if (servers.isEmpty()) {
            return;
        }
        if (!client.supportsUrlElicitation()) {
            LOG.info("Session {}: no eager MCP sign-in, the client did not advertise elicitation.url", session.id());
            return;
        }
        CancellationToken cancellation = new CancellationToken();
        running.put(session.id(), cancellation);
        Client calls = new Client(peer, client, cancellation);
        executor.execute(() -> {
            try {
                for (McpServer.Http server : servers) {
                    if (cancellation.isCancelled()) {
                        return;
                    }
                    signIn(session, server, calls, cancellation);
                }
            } finally {
                running.remove(session.id(), cancellation);
            }
        });
    }

    private void signIn(Session session, McpServer.Http server, Client calls, CancellationToken cancellation) {
        try {
            mcp.signIn(server, (url, message) -> calls.openUrl(session.id(), url, message), cancellation);
            LOG.info("Session {}: MCP server {} is signed in", session.id(), server.name());
        } catch (McpServerUnavailableException e) {
            LOG.info("Session {}: MCP server {} is unavailable: {}", session.id(), server.name(), e.getMessage());
        } catch (CancellationException e) {
            LOG.debug("Session {}: the eager MCP sign-in was cancelled", session.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Session {}: the eager sign-in to MCP server {} failed: {}", session.id(), server.name(), e.toString());
        }
    }

    /** The session ended: its sign-ins still waiting are cancelled. */
    void stop(String sessionId) {
        CancellationToken cancellation = running.remove(sessionId);
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    void stopAll() {
        running.keySet().forEach(this::stop);
    }
}
