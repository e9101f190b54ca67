package dev.acp4j.auth;

/**
 * What auth needs to know of the connected client: whether it finished {@code initialize} and
 * which sign-in paths it can take. The server's {@code ClientState} answers from the client's
 * {@code initialize} request.
 */
public interface ClientAbilities {

    /**
     * Fails a request that arrives before {@code initialize}.
     *
     * @param method the request's method, named in the error
     * @throws dev.acp4j.jsonrpc.JsonRpcException -32600 when the connection is not initialized
     */
    void requireInitialized(String method);

    /** @return whether the client advertised {@code auth.terminal} (it can run {@code terminal} auth methods) */
    boolean canRunTerminalAuth();

    /** @return whether the client sent Zed's extension {@code clientCapabilities._meta["terminal-auth"]: true} */
    boolean asksForTerminalAuthMeta();

    /** @return whether the client advertised URL-mode elicitation ({@code elicitation.url}) */
    boolean supportsUrlElicitation();
}
