package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodRules;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.McpClientConfig;
import dev.acp4j.auth.oauth.ClientSecretFile;
import dev.acp4j.auth.oauth.TrustBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a configuration's OAuth clients name, checked when the agent starts: each
 * {@code clientSecretFile} exists, is not empty and is readable by its owner only; each
 * {@code caBundle} holds PEM certificates. Messages name the file and its mode, never its content.
 */
public final class ClientFiles {

    private ClientFiles() {
    }

    /**
     * Checks every {@code clientSecretFile} and {@code caBundle} the configuration names.
     *
     * @param methods the configured auth methods
     * @param mcpClients the configured MCP OAuth clients
     * @return one message per problem, each naming where in the configuration the file is given
     */
    public static List<String> problems(List<AuthMethodConfig> methods, List<McpClientConfig> mcpClients) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            AuthMethodConfig method = methods.get(i);
            if (method.type() == AuthMethodType.OAUTH2 && method.oauth() != null) {
                String label = AuthMethodRules.label("authMethods[" + i + "]", method.id());
                check(method.oauth().clientSecretFile(), method.oauth().caBundle(), label, problems);
            }
        }
        for (int i = 0; i < mcpClients.size(); i++) {
            check(mcpClients.get(i).clientSecretFile(), mcpClients.get(i).caBundle(), "mcpClients[" + i + "]", problems);
        }
        return problems;
    }

    private static void check(String secretFile, String caBundle, String label, List<String> problems) {
        if (secretFile != null) {
            String problem = ClientSecretFile.problem(Path.of(secretFile));
            if (problem != null) {
                problems.add(label + ": " + problem);
            }
        }
        if (caBundle != null) {
            try {
                TrustBundle.of(caBundle);
            } catch (IllegalArgumentException e) {
                problems.add(label + ": " + e.getMessage());
            }
        }
    }
}
