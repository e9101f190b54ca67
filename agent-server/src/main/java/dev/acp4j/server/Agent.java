package dev.acp4j.server;

import dev.acp4j.protocol.session.AvailableCommand;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionMode;
import dev.acp4j.protocol.session.StopReason;
import java.util.List;

/**
 * The behaviour of an agent: what it does with a prompt. The server does the protocol
 * (initialize, authentication, sessions, cancellation) and keeps every session's conversation,
 * so an agent that implements only {@link #prompt} already supports {@code session/load},
 * {@code session/resume}, {@code session/list}, {@code session/close} and {@code session/delete}.
 * The other methods are optional hooks with working defaults.
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
     * @param turn the prompt, the session, and the means to stream updates and call the client
     * @return why the turn ended, sent as {@code stopReason}; return {@code CANCELLED} once
     *         {@link PromptTurn#isCancelled()} is true
     * @throws dev.acp4j.jsonrpc.JsonRpcException to answer {@code session/prompt} with exactly that
     *         error (e.g. {@code JsonRpcException.invalidParams(...)}, or {@code JsonRpcException.of(code,
     *         message, data)} for a code of the agent's own)
     * @throws Exception anything else: the client gets {@code -32603 "Internal error"} and the cause is
     *         logged on stderr (level error) with the request's method and id, never its params
     */
    StopReason prompt(PromptTurn turn) throws Exception;

    /**
     * Slash commands advertised to the client when a session starts.
     *
     * @return the commands, sent in an {@code available_commands_update}; none by default
     */
    default List<AvailableCommand> availableCommands() {
        return List.of();
    }

    /**
     * The modes a session can be in ({@code session/set_mode}); the first is a new session's mode.
     * Empty (the default) means the agent has no modes. A turn reads the current one with
     * {@link PromptTurn#modeId()}.
     *
     * @return the modes, in the order the client shows them
     */
    default List<SessionMode> modes() {
        return List.of();
    }

    /**
     * The session's config options ({@code session/set_config_option}): {@code select} options
     * (e.g. a model picker) and {@code boolean} ones, each with its default as
     * {@code currentValue}. Boolean options are offered only to clients that advertise
     * {@code session.configOptions.boolean}; for the others their default applies. A turn reads
     * the current values with {@link PromptTurn#configValue(String)}.
     *
     * @return the options, in the order the client shows them; empty (the default) for none
     */
    default List<SessionConfigOption> configOptions() {
        return List.of();
    }

    /** {@return whether prompts may contain images ({@code promptCapabilities.image}); default false} */
    default boolean acceptsImages() {
        return false;
    }

    /** {@return whether prompts may contain audio ({@code promptCapabilities.audio}); default false} */
    default boolean acceptsAudio() {
        return false;
    }

    /**
     * Called when {@code session/load} or {@code session/resume} brings back a stored session,
     * before the answer (for a load, after the conversation was replayed). An agent that keeps
     * model context rebuilds it here from {@link Session#history()}.
     *
     * @param session the restored session
     */
    default void sessionRestored(Session session) {
    }

    /**
     * Called when {@code session/close} or {@code session/delete} ends a session in this process.
     *
     * @param session the session that ended
     */
    default void sessionClosed(Session session) {
    }

    /**
     * The providers whose credentials {@code request} needs, each of them: the request is admitted
     * only when every one has a usable credential, and otherwise fails with AUTH_REQUIRED (-32000)
     * whose {@code data.availableMethodIds} lists only the methods of the providers missing, and whose
     * message names them. Asked before {@code session/new}, {@code session/load} and
     * {@code session/resume} are admitted (from their params, and the session's stored mode and
     * config values), and before each prompt turn (from the session's current values, e.g. the
     * selected model), on a worker thread, never on the read loop.
     *
     * <p>The default, no provider, keeps the rule every agent had: any one usable credential of any
     * configured provider admits the request. The configuration's {@code configOptionProviders}
     * (a provider per config option value) adds to what this returns. With no auth methods
     * configured, nothing is gated.
     *
     * @param request what the client sent, and the session's values while it runs
     * @return provider names as auth methods name them ({@code provider}); empty for any
     */
    default List<String> requiredProviders(GatedRequest request) {
        return List.of();
    }
}
