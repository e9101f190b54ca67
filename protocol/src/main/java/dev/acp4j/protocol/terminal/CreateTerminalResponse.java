package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code terminal/create}: the new terminal's id.
 *
 * @param terminalId the terminal, as {@code terminal/create} named it
 * @param meta extension data ({@code _meta}), or null
 */
public record CreateTerminalResponse(
        @JsonProperty(value = "terminalId", required = true) String terminalId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A result without {@code _meta}.
     *
     * @param terminalId the id of the new terminal
     * @return the result
     */
    public static CreateTerminalResponse of(String terminalId) {
        return new CreateTerminalResponse(terminalId, null);
    }
}
