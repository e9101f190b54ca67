package dev.acp4j.auth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of an OAuth client's own settings, for an {@code oauth2} method and an
 * {@code mcpClients} entry alike: {@code clientSecretFile}, {@code tokenEndpointAuthMethod},
 * {@code caBundle}, and plain {@code http://} only to loopback hosts. What the files hold is
 * checked when the agent starts ({@code dev.acp4j.auth.ClientFiles}). Not part of the author API.
 */
public final class ClientRules {

    /** How a message goes on after {@code issuer 'http://…'}. */
    public static final String PLAIN_HTTP_RULE =
            "uses plain http://, which is only allowed to 127.0.0.1, ::1 or localhost; use https://";

    /** The message for an inline {@code clientSecret}. */
    public static final String INLINE_SECRET_RULE = "a client secret does not go in the configuration (which is"
            + " not private): put it in a file only you can read (chmod 600) and give that file's path as clientSecretFile";

    static final Set<String> AUTH_METHODS = Set.of("client_secret_basic", "client_secret_post");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    private ClientRules() {
    }

    /**
     * Whether {@code host} is 127.0.0.1, ::1 or localhost.
     *
     * @param host a host name or address literal, or null
     * @return true for a loopback host
     */
    public static boolean isLoopback(String host) {
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks the client settings of one method or {@code mcpClients} entry.
     *
     * @param clientSecretFile the {@code clientSecretFile} setting, or null
     * @param tokenEndpointAuthMethod the {@code tokenEndpointAuthMethod} setting, or null
     * @param caBundle the {@code caBundle} setting, or null
     * @param label where the entry is, for messages
     * @param problems gets one message per problem
     */
    public static void checkClient(String clientSecretFile, String tokenEndpointAuthMethod, String caBundle,
                                   String label, Consumer<String> problems) {
        filePath(clientSecretFile, "clientSecretFile", label, problems);
        filePath(caBundle, "caBundle", label, problems);
        if (tokenEndpointAuthMethod != null) {
            if (!AUTH_METHODS.contains(tokenEndpointAuthMethod)) {
                problems.accept(label + ": tokenEndpointAuthMethod must be client_secret_basic or client_secret_post");
            } else if (clientSecretFile == null) {
                problems.accept(label + ": tokenEndpointAuthMethod goes with clientSecretFile (a public client sends no secret)");
            }
        }
    }

    /**
     * Checks one {@code mcpClients} entry.
     *
     * @param client the entry
     * @param label where the entry is, for messages
     * @param reported keys already reported as problems, not to report again
     * @param problems gets one message per problem
     */
    public static void checkMcpClient(McpClientConfig client, String label, Set<String> reported,
                                      Consumer<String> problems) {
        if (client.serverUrl() == null && client.issuer() == null && !reported.contains("serverUrl")
                && !reported.contains("issuer")) {
            problems.accept(label + ": needs serverUrl (the MCP server) or issuer (its authorization server)");
        }
        if (client.clientId() == null && !reported.contains("clientId")) {
            problems.accept(label + ": missing \"clientId\"");
        }
        url(client.serverUrl(), "serverUrl", label, problems);
        url(client.issuer(), "issuer", label, problems);
        checkClient(client.clientSecretFile(), client.tokenEndpointAuthMethod(), client.caBundle(), label, problems);
    }

    /**
     * Checks the {@code mcpClients} list: each entry, and no two for the same server or issuer.
     *
     * @param clients the entries
     * @param problems gets one message per problem
     */
    public static void checkMcpClients(List<McpClientConfig> clients, Consumer<String> problems) {
        for (int i = 0; i < clients.size(); i++) {
            checkMcpClient(clients.get(i), "mcpClients[" + i + "]", Set.of(), problems);
        }
        duplicateMcpClients(clients, problems);
    }

    /**
     * No two {@code mcpClients} entries for the same server or issuer.
     *
     * @param clients the entries
     * @param problems gets one message per problem
     */
    public static void duplicateMcpClients(List<McpClientConfig> clients, Consumer<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            McpClientConfig client = clients.get(i);
            String label = "mcpClients[" + i + "]";
            String key = client.serverUrl() != null ? "serverUrl " + client.serverUrl() : "issuer " + client.issuer();
            if ((client.serverUrl() != null || client.issuer() != null) && !seen.add(key)) {
                problems.accept(label + ": a second entry for " + key);
            }
        }
    }

    private static void url(String value, String key, String label, Consumer<String> problems) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                problems.accept(label + ": " + key + " '" + value + "' is not an absolute http(s) URL");
            } else if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                problems.accept(label + ": " + key + " '" + value + "' " + PLAIN_HTTP_RULE);
            }
        } catch (URISyntaxException e) {
            problems.accept(label + ": " + key + " '" + value + "' is not an absolute http(s) URL");
        }
    }

    private static void filePath(String value, String key, String label, Consumer<String> problems) {
        if (value == null) {
            return;
        }
        try {
            if (value.isBlank() || !Path.of(value).isAbsolute()) {
                problems.accept(label + ": " + key + " must be an absolute file path");
            }
        } catch (InvalidPathException e) {
            problems.accept(label + ": " + key + " is not a valid file path (" + e.getReason() + ")");
        }
    }
}
