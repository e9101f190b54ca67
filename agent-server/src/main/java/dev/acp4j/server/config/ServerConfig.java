package dev.acp4j.server.config;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.McpClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param configOptionProviders the provider a session needs while a config option has a value: option id →
 *                            value id → provider (added to what {@code Agent.requiredProviders} says); empty for none
 * @param mcpSignIn           when to sign in to a session's MCP servers; null means {@link McpSignInMode#LAZY}
 * @param mcpClients          pre-registered OAuth clients for MCP servers, tried before dynamic registration
 */
public record ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                           Duration elicitationTimeout, String sessionStore,
                           Map<String, Map<String, String>> configOptionProviders, McpSignInMode mcpSignIn,
                           List<McpClientConfig> mcpClients) {

    /**
     * Applies the defaults (no config option providers, lazy MCP sign-in, no MCP clients) and copies the collections.
     *
     * @param source where it came from, for messages
     * @param authMethods in preference order
     * @param credentialStore the credential file, or null for the agent's per-user default
     * @param elicitationTimeout how long an interactive sign-in may wait for the user
     * @param sessionStore the session store directory, {@code "none"} (in memory), or null for the per-agent default
     * @param configOptionProviders option id → value id → provider; null for none
     * @param mcpSignIn when to sign in to a session's MCP servers; null means {@link McpSignInMode#LAZY}
     * @param mcpClients pre-registered OAuth clients for MCP servers; null for none
     */
    public ServerConfig {
        configOptionProviders = configOptionProviders == null ? Map.of() : copy(configOptionProviders);
        mcpSignIn = mcpSignIn == null ? McpSignInMode.LAZY : mcpSignIn;
        mcpClients = mcpClients == null ? List.of() : List.copyOf(mcpClients);
    }

    /**
     * A configuration with the default session store and no MCP settings.
     *
     * @param source where it came from, for messages
     * @param authMethods in preference order
     * @param credentialStore the credential file, or null for the agent's per-user default
     * @param elicitationTimeout how long an interactive sign-in may wait for the user
     */
    public ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                        Duration elicitationTimeout) {
        this(source, authMethods, credentialStore, elicitationTimeout, null);
    }

    /**
     * A configuration without MCP settings.
     *
     * @param source where it came from, for messages
     * @param authMethods in preference order
     * @param credentialStore the credential file, or null for the agent's per-user default
     * @param elicitationTimeout how long an interactive sign-in may wait for the user
     * @param sessionStore the session store directory, {@code "none"} (in memory), or null for the per-agent default
     */
    public ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                        Duration elicitationTimeout, String sessionStore) {
        this(source, authMethods, credentialStore, elicitationTimeout, sessionStore, Map.of(), McpSignInMode.LAZY, List.of());
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> map) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        map.forEach((option, values) -> copy.put(option, values == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** How long an interactive sign-in waits for the user unless configured otherwise. */
    public static final Duration DEFAULT_ELICITATION_TIMEOUT = Duration.ofMinutes(5);

    /**
     * No auth methods: nothing is gated.
     *
     * @param source where it came from, for messages
     * @return the configuration
     */
    public static ServerConfig empty(String source) {
        return new ServerConfig(source, List.of(), null, DEFAULT_ELICITATION_TIMEOUT);
    }

    /** {@return a builder for a configuration built in code} */
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
        private final Map<String, Map<String, String>> configOptionProviders = new LinkedHashMap<>();
        private McpSignInMode mcpSignIn = McpSignInMode.LAZY;
        private final List<McpClientConfig> mcpClients = new ArrayList<>();

        private Builder() {
        }

        /**
         * Where the configuration comes from, for messages; default {@code (code)}.
         *
         * @param value the source
         * @return this builder
         */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Adds an auth method; methods are advertised in the order they are added.
         *
         * @param value the method
         * @return this builder
         */
        public Builder authMethod(AuthMethodConfig value) {
            this.authMethods.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * The credential file; default: the agent's per-user file.
         *
         * @param value the file
         * @return this builder
         */
        public Builder credentialStore(Path value) {
            this.credentialStore = value;
            return this;
        }

        /**
         * How long an interactive sign-in may wait for the user (default 5 minutes).
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder elicitationTimeout(Duration value) {
            this.elicitationTimeout = value;
            return this;
        }

        /**
         * The session store directory (absolute), or {@code "none"} to keep sessions in memory; default: the per-agent directory.
         *
         * @param value the directory or {@code "none"}
         * @return this builder
         */
        public Builder sessionStore(String value) {
            this.sessionStore = value;
            return this;
        }

        /**
         * Adds a pre-registered OAuth client for MCP servers ({@code mcpClients}).
         *
         * @param value the client
         * @return this builder
         */
        public Builder mcpClient(McpClientConfig value) {
            this.mcpClients.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * A session needs {@code provider}'s credential while its config option {@code configId} has the
         * value {@code valueId} (e.g. {@code "model"}, {@code "gpt-5"}, {@code "openai"}); the key
         * {@code configOptionProviders}.
         *
         * @param configId the config option's id
         * @param valueId the value id of that option
         * @param provider the provider whose credential the session then needs
         * @return this builder
         */
        public Builder configOptionProvider(String configId, String valueId, String provider) {
            this.configOptionProviders.computeIfAbsent(Objects.requireNonNull(configId), id -> new LinkedHashMap<>())
                    .put(Objects.requireNonNull(valueId), Objects.requireNonNull(provider));
            return this;
        }

        /**
         * When to sign in to a session's MCP servers (default {@link McpSignInMode#LAZY}); the key {@code mcpSignIn}.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mcpSignIn(McpSignInMode value) {
            this.mcpSignIn = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming every problem, worded as for a {@code --config} file
         */
        public ServerConfig build() {
            ServerConfig config = new ServerConfig(source, List.copyOf(authMethods), credentialStore, elicitationTimeout,
                    sessionStore, configOptionProviders, mcpSignIn, List.copyOf(mcpClients));
            Problems problems = new Problems(source);
            ConfigRules.checkAll(config, problems);
            problems.throwUncheckedIfAny();
            return config;
        }
    }
}
