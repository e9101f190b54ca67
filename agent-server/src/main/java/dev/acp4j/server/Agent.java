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

    /** Runs one prompt turn, streaming output through {@code turn}, and says why it stopped. */
    StopReason prompt(PromptTurn turn) throws Exception;

    /**
     * Slash commands advertised to the client when a session starts.
     *
     * @return the commands, sent in an {@code available_commands_update}; none by default
     */
    default List<AvailableCommand> availableCommands() {
        return List.of();
    }
}
