package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Result of {@code terminal/output}: the captured output and, once exited, the exit status. */
public record TerminalOutputResponse(
        @JsonProperty(value = "output", required = true) String output,
        @JsonProperty(value = "truncated", required = true) boolean truncated,
        @JsonProperty("exitStatus") TerminalExitStatus exitStatus,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
