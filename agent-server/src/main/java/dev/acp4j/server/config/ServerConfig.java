package dev.acp4j.server.config;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.McpClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code --config} declares (or the agent's default configuration).
 *
 * <p>In code: {@code ServerConfig.builder().authMethod(...).build()}, which applies the same rules,
 * with the same messages, as a {@code --config} file.
 *
 * @param source              where it came from, for messages
 * @param authMethods         in preference order
 * @param credentialStore     the credential file, or null for the agent's per-user default
 * @param elicitationTimeout  how long an interactive sign-in may wait for the user
 * @param sessionStore        the session store directory, {@code "none"} (in memory), or null for the per-agent default
 * @param mcpClients          pre-registered OAuth clients for MCP servers, tried before dynamic registration
 */
public record ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                           Duration elicitationTimeout, String sessionStore, List<McpClientConfig> mcpClients) {

    public ServerConfig {
        mcpClients = mcpClients == null ? List.of() : List.copyOf(mcpClients);
    }

    public ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                        Duration elicitationTimeout, String sessionStore) {
        this(source, authMethods, credentialStore, elicitationTimeout, sessionStore, List.of());
    }

    public ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                        Duration elicitationTimeout) {
        this(source, authMethods, credentialStore, elicitationTimeout, null);
    }

    /** How long an interactive sign-in waits for the user unless configured otherwise. */
    public static final Duration DEFAULT_ELICITATION_TIMEOUT = Duration.ofMinutes(5);

    /** No auth methods: nothing is gated. */
    public static ServerConfig empty(String source) {
        return new ServerConfig(source, List.of(), null, DEFAULT_ELICITATION_TIMEOUT);
    }

    /** A configuration built in code. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the rules a {@code --config} file must follow (for a configuration made with the
     * record's constructor; the loader and the builder have checked already).
     *
     * @throws ConfigException naming every problem
     */
    public void validate() throws ConfigException {
        Problems problems = new Problems(source);
        ConfigRules.checkAll(this, problems);
        problems.throwIfAny();
    }

    /** Builds a {@link ServerConfig}. */
    public static final class Builder {
        private String source = "(code)";
        private final List<AuthMethodConfig> authMethods = new ArrayList<>();
        private Path credentialStore;
        private Duration elicitationTimeout = DEFAULT_ELICITATION_TIMEOUT;
        private String sessionStore;
        private final List<McpClientConfig> mcpClients = new ArrayList<>();

        private Builder() {
        }

        /** Where the configuration comes from, for messages; default {@code (code)}. */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value);
            return this;
        }

        /** Adds an auth method; methods are advertised in the order they are added. */
        public Builder authMethod(AuthMethodConfig value) {
            this.authMethods.add(Objects.requireNonNull(value));
            return this;
        }

        /** The credential file; default: the agent's per-user file. */
        public Builder credentialStore(Path value) {
            this.credentialStore = value;
            return this;
        }

        /** How long an interactive sign-in may wait for the user (default 5 minutes). */
        public Builder elicitationTimeout(Duration value) {
            this.elicitationTimeout = value;
            return this;
        }

        /** The session store directory (absolute), or {@code "none"} to keep sessions in memory; default: the per-agent directory. */
        public Builder sessionStore(String value) {
            this.sessionStore = value;
            return this;
        }

        /** Adds a pre-registered OAuth client for MCP servers ({@code mcpClients}). */
        public Builder mcpClient(McpClientConfig value) {
            this.mcpClients.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming every problem, worded as for a {@code --config} file
         */
        public ServerConfig build() {
            ServerConfig config = new ServerConfig(source, List.copyOf(authMethods), credentialStore, elicitationTimeout,
                    sessionStore, List.copyOf(mcpClients));
            Problems problems = new Problems(source);
            ConfigRules.checkAll(config, problems);
            problems.throwUncheckedIfAny();
            return config;
        }
    }
}
