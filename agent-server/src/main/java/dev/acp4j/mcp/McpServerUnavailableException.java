package dev.acp4j.mcp;

/**
 * An MCP server cannot be used in this turn: unreachable, its sign-in declined or failed, or it
 * refused the token. The message says why for the user and never holds a secret.
 */
public final class McpServerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    McpServerUnavailableException(String message) {
        super(message, null, false, false);
    }

    /**
     * For a server of a transport acp4j does not speak (it advertises {@code mcpCapabilities.sse: false}).
     *
     * @param serverName the server's {@code name}
     * @return the exception
     */
    public static McpServerUnavailableException unsupported(String serverName) {
        return new McpServerUnavailableException("MCP server \"" + serverName + "\" uses a transport acp4j does not support");
    }
}
