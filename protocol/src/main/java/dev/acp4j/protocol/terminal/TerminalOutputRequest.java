package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code terminal/output}: the output so far and exit status of a terminal.
 *
 * @param sessionId the ACP session id
 * @param terminalId the terminal, as {@code terminal/create} named it
 * @param meta extension data ({@code _meta}), or null
 */
public record TerminalOutputRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "terminalId", required = true) String terminalId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Asks for the given terminal's output.
     *
     * @param sessionId the session owning the terminal
     * @param terminalId the terminal
     * @return the request params
     */
    public static TerminalOutputRequest of(String sessionId, String terminalId) {
        return new TerminalOutputRequest(sessionId, terminalId, null);
    }
}
