package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * How a terminal command exited: its exit code, or the signal that ended it.
 *
 * @param exitCode the exit code, or null when a signal ended the command
 * @param signal the signal that ended the command, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record TerminalExitStatus(
        @JsonProperty("exitCode") Integer exitCode,
        @JsonProperty("signal") String signal,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
