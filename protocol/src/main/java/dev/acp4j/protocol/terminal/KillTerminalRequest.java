package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code terminal/kill}: kill a terminal's command, keeping the terminal.
 *
 * @param sessionId the ACP session id
 * @param terminalId the terminal, as {@code terminal/create} named it
 * @param meta extension data ({@code _meta}), or null
 */
public record KillTerminalRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "terminalId", required = true) String terminalId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Kills the given terminal's command.
     *
     * @param sessionId the session owning the terminal
     * @param terminalId the terminal
     * @return the request params
     */
    public static KillTerminalRequest of(String sessionId, String terminalId) {
        return new KillTerminalRequest(sessionId, terminalId, null);
    }
}
