package dev.acp4j.server.config;

import java.util.Locale;
import java.util.Optional;

/** {@code mcpSignIn}: when acp4j signs in to a session's {@code http} MCP servers that demand OAuth. */
public enum McpSignInMode {
    /** On the first use of the server in a turn (the default). */
    LAZY,
    /** Right after {@code session/new} is answered, for each server without a usable token. */
    EAGER;

    /** {@return the configuration's spelling: {@code lazy} or {@code eager}} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<McpSignInMode> fromConfigName(String value) {
        for (McpSignInMode mode : values()) {
            if (mode.configName().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
