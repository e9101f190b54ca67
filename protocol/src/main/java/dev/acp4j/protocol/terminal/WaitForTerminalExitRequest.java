package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code terminal/wait_for_exit}: wait until a terminal's command exits.
 *
 * @param sessionId the ACP session id
 * @param terminalId the terminal, as {@code terminal/create} named it
 * @param meta extension data ({@code _meta}), or null
 */
public record WaitForTerminalExitRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "terminalId", required = true) String terminalId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Waits for the given terminal's command to exit.
     *
     * @param sessionId the session owning the terminal
     * @param terminalId the terminal
     * @return the request params
     */
    public static WaitForTerminalExitRequest of(String sessionId, String terminalId) {
        return new WaitForTerminalExitRequest(sessionId, terminalId, null);
    }
}
