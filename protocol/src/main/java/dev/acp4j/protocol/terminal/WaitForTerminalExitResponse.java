package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code terminal/wait_for_exit}: the exit code, or the signal that ended the command.
 *
 * @param exitCode the exit code, or null when a signal ended the command
 * @param signal the signal that ended the command, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record WaitForTerminalExitResponse(
        @JsonProperty("exitCode") Integer exitCode,
        @JsonProperty("signal") String signal,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
