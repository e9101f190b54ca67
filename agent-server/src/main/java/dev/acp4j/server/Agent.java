package dev.acp4j.server;

import dev.acp4j.protocol.session.AvailableCommand;
import dev.acp4j.protocol.session.StopReason;
import java.util.List;

/**
 * The behaviour of an agent: what it does with a prompt. The server does the protocol
 * (initialize, authentication, sessions, cancellation); an author implements this.
 *
 * <p>{@link #prompt} runs on its own thread and may block, e.g. on the client's answer to a
 * permission request. It should watch {@link PromptTurn#isCancelled()} and return
 * {@link StopReason#CANCELLED} soon after the client cancels; a turn that does not is
 * answered {@code cancelled} by the server after a grace period, and its later updates are
 * dropped.
 */
public interface Agent {

    /**
     * Runs one prompt turn, streaming output through {@code turn}, and says why it stopped.
     *
     * @throws dev.acp4j.jsonrpc.JsonRpcException to answer {@code session/prompt} with exactly that
     *         error (e.g. {@code JsonRpcException.invalidParams(...)}, or {@code JsonRpcException.of(code,
     *         message, data)} for a code of the agent's own)
     * @throws Exception anything else: the client gets {@code -32603 "Internal error"} and the cause is
     *         logged on stderr (level error) with the request's method and id, never its params
     */
    StopReason prompt(PromptTurn turn) throws Exception;

    /** Slash commands advertised to the client when a session starts. */
    default List<AvailableCommand> availableCommands() {
        return List.of();
    }
}
