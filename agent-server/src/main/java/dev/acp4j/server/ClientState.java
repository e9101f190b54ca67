package dev.acp4j.server;

import dev.acp4j.auth.ClientAbilities;
import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.protocol.initialization.ClientCapabilities;
import dev.acp4j.protocol.initialization.FileSystemCapabilities;
import dev.acp4j.protocol.initialization.Implementation;

/** What the client told us in {@code initialize}; the capabilities we may use toward it. */
public final class ClientState implements ClientAbilities {

    private volatile ClientCapabilities capabilities;
    private volatile Implementation clientInfo;

    void initialized(ClientCapabilities clientCapabilities, Implementation info) {
        this.clientInfo = info;
        this.capabilities = clientCapabilities == null
                ? new ClientCapabilities(null, null, null, null, null, null)
                : clientCapabilities;
    }

    /** @return whether {@code initialize} has been answered on this connection */
    public boolean isInitialized() {
        return capabilities != null;
    }

    /**
     * Fails a request that arrives before {@code initialize}.
     *
     * @param method the request's method, named in the error
     * @throws dev.acp4j.jsonrpc.JsonRpcException -32600 when the connection is not initialized
     */
    @Override
    public void requireInitialized(String method) {
        if (!isInitialized()) {
            throw new JsonRpcException(JsonRpcError.invalidRequest(
                    "call initialize before " + method + " (the connection is not initialized)"));
        }
    }

    /** @return the {@code clientInfo} the client sent, or null */
    public Implementation clientInfo() {
        return clientInfo;
    }

    /** @return whether the client advertised {@code auth.terminal} (it can run {@code terminal} auth methods) */
    @Override
    public boolean canRunTerminalAuth() {
        ClientCapabilities c = capabilities;
        return c != null && c.auth() != null && Boolean.TRUE.equals(c.auth().terminal());
    }

    /** @return whether the client sent Zed's extension {@code clientCapabilities._meta["terminal-auth"]: true} */
    @Override
    public boolean asksForTerminalAuthMeta() {
        ClientCapabilities c = capabilities;
        return c != null && c.meta() != null && Boolean.TRUE.equals(c.meta().get("terminal-auth"));
    }

    /** @return whether the client advertised URL-mode elicitation ({@code elicitation.url}) */
    @Override
    public boolean supportsUrlElicitation() {
        ClientCapabilities c = capabilities;
        return c != null && c.elicitation() != null && c.elicitation().url() != null;
    }

    /** @return whether the client advertised form-mode elicitation ({@code elicitation.form}) */
    public boolean supportsFormElicitation() {
        ClientCapabilities c = capabilities;
        return c != null && c.elicitation() != null && c.elicitation().form() != null;
    }

    /**
     * {@return whether the client takes {@code boolean} session config options ({@code session.configOptions.boolean})}
     */
    public boolean supportsBooleanConfigOptions() {
        ClientCapabilities c = capabilities;
        return c != null && c.session() != null && c.session().configOptions() != null
                && c.session().configOptions().booleanOptions() != null;
    }

    /** {@return whether the client advertised {@code fs.readTextFile}} */
    public boolean canReadTextFile() {
        FileSystemCapabilities fs = fs();
        return fs != null && Boolean.TRUE.equals(fs.readTextFile());
    }

    /** @return whether the client advertised {@code fs.writeTextFile} */
    public boolean canWriteTextFile() {
        FileSystemCapabilities fs = fs();
        return fs != null && Boolean.TRUE.equals(fs.writeTextFile());
    }

    /** @return whether the client advertised {@code terminal} */
    public boolean supportsTerminal() {
        ClientCapabilities c = capabilities;
        return c != null && Boolean.TRUE.equals(c.terminal());
    }

    private FileSystemCapabilities fs() {
        ClientCapabilities c = capabilities;
        return c == null ? null : c.fs();
    }
}
