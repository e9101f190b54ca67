package dev.acp4j.server;

import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.protocol.mcp.McpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A session created by {@code session/new}: its working directory, MCP servers and running turn. */
public final class Session {

    private final String id;
    private final Path cwd;
    private final List<McpServer> mcpServers;
    private final AtomicReference<CancellationToken> runningTurn = new AtomicReference<>();

    Session(String id, Path cwd, List<McpServer> mcpServers) {
        this.id = id;
        this.cwd = cwd;
        this.mcpServers = List.copyOf(mcpServers);
    }

    public String id() {
        return id;
    }

    public Path cwd() {
        return cwd;
    }

    public List<McpServer> mcpServers() {
        return mcpServers;
    }

    /** Claims the session for a new turn; false when one is already running. */
    boolean beginTurn(CancellationToken turn) {
        return runningTurn.compareAndSet(null, turn);
    }

    void endTurn(CancellationToken turn) {
        runningTurn.compareAndSet(turn, null);
    }

    /** {@code session/cancel}: cancels the running turn, if any. */
    void cancelTurn() {
        CancellationToken turn = runningTurn.get();
        if (turn != null) {
            turn.cancel();
        }
    }
}
