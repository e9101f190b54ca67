package dev.acp4j.mcp;

/** The MCP server answered 401: it wants a (new) access token. */
final class McpUnauthorizedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String wwwAuthenticate;

    McpUnauthorizedException(String wwwAuthenticate) {
        super("the MCP server answered 401", null, false, false);
        this.wwwAuthenticate = wwwAuthenticate;
    }

    /** The {@code WWW-Authenticate} header of the 401, or null. */
    String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
