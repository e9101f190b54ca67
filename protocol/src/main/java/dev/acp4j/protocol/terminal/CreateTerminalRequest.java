package dev.acp4j.protocol.terminal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.mcp.EnvVariable;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code terminal/create}: run a command in a new client terminal.
 *
 * @param sessionId the ACP session id
 * @param command the command to run
 * @param args its arguments, or null
 * @param env environment variables to set, or null
 * @param cwd absolute working directory of the command, or null
 * @param outputByteLimit how much output the client keeps (older output is dropped), or null
 * @param meta extension data ({@code _meta}), or null
 */
public record CreateTerminalRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "command", required = true) String command,
        @JsonProperty("args") List<String> args,
        @JsonProperty("env") List<EnvVariable> env,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("outputByteLimit") Long outputByteLimit,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Params without env, cwd, output limit or {@code _meta}.
     *
     * @param sessionId the session running the command
     * @param command the command to run
     * @param args its arguments, or null
     * @return the request params
     */
    public static CreateTerminalRequest of(String sessionId, String command, List<String> args) {
        return new CreateTerminalRequest(sessionId, command, args, null, null, null, null);
    }
}
