package dev.acp4j.server;

import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.TextChunkWriter;
import dev.acp4j.server.session.StoredSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A session open in this process (created by {@code session/new}, or brought back by
 * {@code session/load} or {@code session/resume}): its directories, MCP servers, title, mode,
 * config values, its conversation so far, and its running turn.
 */
public final class Session {

    private final String id;
    private final Path cwd;
    private final List<Path> additionalDirectories;
    private final List<McpServer> mcpServers;
    private final SessionRecorder recorder;
    private final List<SessionUpdate> history;
    private final AtomicReference<CancellationToken> runningTurn = new AtomicReference<>();
    private volatile CompletableFuture<?> runningAnswer = CompletableFuture.completedFuture(null);
    private volatile StoredSession state;
    private volatile byte[] updatePrefix;

    Session(StoredSession state, List<McpServer> mcpServers, List<SessionUpdate> history, SessionRecorder recorder) {
        this.id = state.sessionId();
        this.cwd = Path.of(state.cwd());
        this.additionalDirectories = state.additionalDirectories().stream().map(Path::of).toList();
        this.mcpServers = List.copyOf(mcpServers);
        this.state = state;
        this.history = new ArrayList<>(history);
        this.recorder = recorder;
    }

    /** {@return the ACP session id} */
    public String id() {
        return id;
    }

    /** {@return the session's working directory (absolute)} */
    public Path cwd() {
        return cwd;
    }

    /** {@return further workspace roots the client gave ({@code additionalDirectories}), absolute, in order} */
    public List<Path> additionalDirectories() {
        return additionalDirectories;
    }

    /** {@return the MCP servers the client gave for this session (in this process)} */
    public List<McpServer> mcpServers() {
        return mcpServers;
    }

    /** {@return the session's title, if it has one} */
    public Optional<String> title() {
        return Optional.ofNullable(state.title());
    }

    /**
     * The recorded conversation, oldest first: every user message (as {@code user_message_chunk})
     * and every update the agent streamed in earlier turns, and in the running turn so far.
     *
     * @return the updates, oldest first
     */
    public List<SessionUpdate> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    StoredSession state() {
        return state;
    }

    /** Changes what is stored of the session (title, mode, config values, times) and saves it. */
    synchronized StoredSession update(UnaryOperator<StoredSession> change) {
        state = change.apply(state);
        recorder.save(state);
        return state;
    }

    /** Adds an update to the conversation, in memory and in the store. */
    void record(SessionUpdate update) {
        // a text chunk (a prompt's block) is written by hand: databind's code is cold by then
        TextChunkWriter json = new TextChunkWriter();
        if (json.appendUpdate(update)) {
            record(update, json.bytes(), 0, json.length());
            return;
        }
        synchronized (history) {
            history.add(update);
            recorder.append(id, update);
        }
    }

    /** As {@link #record(SessionUpdate)}, with the update already serialized ({@code json}, the mapper's bytes). */
    void record(SessionUpdate update, byte[] json) {
        synchronized (history) {
            history.add(update);
            recorder.append(id, update, json);
        }
    }

    /**
     * As {@link #record(SessionUpdate, byte[])}, the update's JSON being {@code length} bytes of
     * {@code json} from {@code offset} (copied before this returns).
     */
    void record(SessionUpdate update, byte[] json, int offset, int length) {
        synchronized (history) {
            history.add(update);
            recorder.append(id, update, json, offset, length);
        }
    }

    /** The params of {@code session/update} for an update serialized as {@code json}: the bytes databind writes. */
    byte[] updateParams(byte[] json) {
        byte[] prefix = updateParamsPrefix();
        byte[] params = new byte[prefix.length + json.length + 1];
        System.arraycopy(prefix, 0, params, 0, prefix.length);
        System.arraycopy(json, 0, params, prefix.length, json.length);
        params[params.length - 1] = '}';
        return params;
    }

    /** The params of {@code session/update} up to the update: {@code {"sessionId":…,"update":}. */
    byte[] updateParamsPrefix() {
        byte[] prefix = updatePrefix;
        if (prefix == null) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64);
            out.writeBytes("{\"sessionId\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (com.fasterxml.jackson.core.JsonGenerator g = dev.acp4j.jsonrpc.TreeReader.factory().createGenerator(out)) {
                g.writeString(id);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.writeBytes(",\"update\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            prefix = out.toByteArray();
            updatePrefix = prefix;
        }
        return prefix;
    }

    /** Claims the session for a new turn; false when one is already running. */
    boolean beginTurn(CancellationToken turn, CompletableFuture<?> answer) {
        if (runningTurn.compareAndSet(null, turn)) {
            runningAnswer = answer;
            return true;
        }
        return false;
    }

    void endTurn(CancellationToken turn) {
        runningTurn.compareAndSet(turn, null);
    }

    boolean hasRunningTurn() {
        return runningTurn.get() != null;
    }

    /** {@code session/cancel}: cancels the running turn, if any; the future completes when it is answered. */
    CompletableFuture<?> cancelTurn() {
        CancellationToken turn = runningTurn.get();
        if (turn != null) {
            turn.cancel();
            return runningAnswer;
        }
        return CompletableFuture.completedFuture(null);
    }
}
