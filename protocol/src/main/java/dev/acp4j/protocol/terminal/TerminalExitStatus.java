package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** How a terminal command exited: its exit code, or the signal that ended it. */
public record TerminalExitStatus(
        @JsonProperty("exitCode") Integer exitCode,
        @JsonProperty("signal") String signal,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
