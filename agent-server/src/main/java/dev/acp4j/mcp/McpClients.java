package dev.acp4j.mcp;

import dev.acp4j.auth.config.McpClientConfig;
import dev.acp4j.auth.oauth.OAuthClient;
import dev.acp4j.auth.oauth.TrustBundle;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The configuration's {@code mcpClients}: which pre-registered client signs in to an MCP server
 * (the entry for its URL, else the entry for its authorization server's issuer), and which TLS
 * trust its requests use.
 */
final class McpClients {

    static final McpClients NONE = new McpClients(List.of());

    private final List<McpClientConfig> entries;

    McpClients(List<McpClientConfig> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entry for the MCP server at {@code server}. */
    Optional<McpClientConfig> forServer(URI server) {
        String wanted = normalized(server.toString());
        return entries.stream().filter(e -> e.serverUrl() != null && normalized(e.serverUrl()).equals(wanted)).findFirst();
    }

    /** The entry for {@code server}, else the one for the authorization server {@code issuer}. */
    Optional<McpClientConfig> forSignIn(URI server, URI issuer) {
        Optional<McpClientConfig> byServer = forServer(server);
        if (byServer.isPresent()) {
            return byServer;
        }
        String wanted = normalized(issuer.toString());
        return entries.stream().filter(e -> e.issuer() != null && normalized(e.issuer()).equals(wanted)).findFirst();
    }

    /** The trust of the MCP server's own requests: its entry's caBundle added to the default. */
    TrustBundle trust(URI server) {
        return forServer(server).map(e -> TrustBundle.of(e.caBundle())).orElse(TrustBundle.DEFAULT);
    }

    static OAuthClient client(McpClientConfig entry) {
        return OAuthClient.of(entry.clientId(), entry.clientSecretFile(), entry.tokenEndpointAuthMethod(), entry.caBundle());
    }

    private static String normalized(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
