package dev.acp4j.auth.config;

import java.util.List;

/**
 * A pre-registered OAuth client for MCP servers ({@code mcpClients} in the configuration): used
 * for an MCP server's sign-in before any dynamic client registration (RFC 7591), e.g. when the
 * server's authorization server offers none.
 *
 * @param serverUrl               the MCP server it is for (its URL as the client gives it), or null
 * @param issuer                  the authorization server it is for (any MCP server signing in there), or null
 * @param clientId                the client id issued for acp4j
 * @param clientSecretFile        a confidential client's secret file (readable by its owner only), or null
 * @param scopes                  scopes to request instead of those the server suggests; empty: the server's
 * @param caBundle                a PEM file of CAs added to the default trust for the MCP server and its
 *                                authorization server, or null
 * @param tokenEndpointAuthMethod {@code client_secret_basic} or {@code client_secret_post}, or null to follow the metadata
 */
public record McpClientConfig(
        String serverUrl,
        String issuer,
        String clientId,
        String clientSecretFile,
        List<String> scopes,
        String caBundle,
        String tokenEndpointAuthMethod) {

    /**
     * A null {@code scopes} reads as empty.
     *
     * @param serverUrl               the MCP server it is for (its URL as the client gives it), or null
     * @param issuer                  the authorization server it is for (any MCP server signing in there), or null
     * @param clientId                the client id issued for acp4j
     * @param clientSecretFile        a confidential client's secret file (readable by its owner only), or null
     * @param scopes                  scopes to request instead of those the server suggests; empty: the server's
     * @param caBundle                a PEM file of CAs added to the default trust for the MCP server and its
     *                                authorization server, or null
     * @param tokenEndpointAuthMethod {@code client_secret_basic} or {@code client_secret_post}, or null to follow the metadata
     */
    public McpClientConfig {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
