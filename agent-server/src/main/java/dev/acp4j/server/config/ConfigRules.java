package dev.acp4j.server.config;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodRules;
import dev.acp4j.auth.config.ClientRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a server configuration must follow, whether it was read from JSON ({@link ConfigLoader})
 * or built in code ({@link ServerConfig#builder()}): the methods together and the top-level
 * settings. Each method's own rules are {@link AuthMethodRules}, shared with {@link AuthMethodConfig}'s
 * builders: one place, one wording.
 */
final class ConfigRules {

    static final String SESSION_STORE_RULE =
            "sessionStore must be an absolute directory path, or \"none\" to keep sessions in memory only";

    /** Noted by the loader, which checks each {@code mcpClients} entry as it reads it. */
    static final String MCP_CLIENT_ENTRIES_CHECKED = "mcpClients[*]";

    private ConfigRules() {
    }

    /** Checks the methods together and the top-level settings. */
    static void checkServer(ServerConfig config, Set<String> reported, Problems problems) {
        Set<String> ids = new HashSet<>();
        List<AuthMethodConfig> methods = config.authMethods();
        for (int i = 0; i < methods.size(); i++) {
            AuthMethodConfig method = methods.get(i);
            if (method.id() != null && !ids.add(method.id())) {
                problems.add("authMethods[" + i + "] (id '" + method.id() + "'): duplicate id");
            }
        }
        if (!reported.contains("elicitationTimeoutSeconds")
                && (config.elicitationTimeout() == null || config.elicitationTimeout().isNegative()
                        || config.elicitationTimeout().isZero())) {
            problems.add("elicitationTimeoutSeconds must be a positive whole number");
        }
        if (!reported.contains("sessionStore") && config.sessionStore() != null && !isSessionStore(config.sessionStore())) {
            problems.add(SESSION_STORE_RULE);
        }
        checkOptionProviders(config, problems);
        if (reported.contains(MCP_CLIENT_ENTRIES_CHECKED)) {
            ClientRules.duplicateMcpClients(config.mcpClients(), problems::add);
        } else if (!reported.contains("mcpClients")) {
            ClientRules.checkMcpClients(config.mcpClients(), problems::add);
        }
    }

    /** Every provider {@code configOptionProviders} names must be one an auth method yields. */
    private static void checkOptionProviders(ServerConfig config, Problems problems) {
        Set<String> providers = new java.util.LinkedHashSet<>();
        config.authMethods().forEach(m -> providers.add(m.provider()));
        config.configOptionProviders().forEach((option, values) -> values.forEach((value, provider) -> {
            if (!providers.contains(provider)) {
                problems.add("configOptionProviders." + option + "." + value + ": provider '" + provider
                        + "' is not the provider of any auth method" + (providers.isEmpty() ? ""
                        : " (the providers: " + String.join(", ", providers) + ")"));
            }
        }));
    }

    /** {@code sessionStore}: an absolute directory, or {@code "none"} for sessions kept in memory only. */
    static boolean isSessionStore(String value) {
        if (value.equals("none")) {
            return true;
        }
        try {
            return !value.isBlank() && java.nio.file.Path.of(value).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Every rule, for a configuration built in code (nothing was reported while reading it). */
    static void checkAll(ServerConfig config, Problems problems) {
        for (int i = 0; i < config.authMethods().size(); i++) {
            AuthMethodConfig method = config.authMethods().get(i);
            AuthMethodRules.checkMethod(method, AuthMethodRules.label("authMethods[" + i + "]", method.id()),
                    Set.of(), problems::add);
        }
        checkServer(config, Set.of(), problems);
    }
}
