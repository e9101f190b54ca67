package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code terminal/release}: kill a terminal's command if running and free its resources.
 *
 * @param sessionId the ACP session id
 * @param terminalId the terminal, as {@code terminal/create} named it
 * @param meta extension data ({@code _meta}), or null
 */
public record ReleaseTerminalRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "terminalId", required = true) String terminalId,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Releases the given terminal.
     *
     * @param sessionId the session owning the terminal
     * @param terminalId the terminal
     * @return the request params
     */
    public static ReleaseTerminalRequest of(String sessionId, String terminalId) {
        return new ReleaseTerminalRequest(sessionId, terminalId, null);
    }
}
