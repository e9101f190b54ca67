package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code terminal/output}: the captured output and, once exited, the exit status.
 *
 * @param output the output so far
 * @param truncated whether older output was dropped to stay within the limit
 * @param exitStatus how the command exited, or null while it runs
 * @param meta extension data ({@code _meta}), or null
 */
public record TerminalOutputResponse(
        @JsonProperty(value = "output", required = true) String output,
        @JsonProperty(value = "truncated", required = true) boolean truncated,
        @JsonProperty("exitStatus") TerminalExitStatus exitStatus,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
