package dev.acp4j.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code --config} declares (or the built-in default).
 *
 * @param source              where it came from, for messages
 * @param authMethods         in preference order
 * @param credentialStore     the credential file, or null for the per-user default
 * @param elicitationTimeout  how long an interactive sign-in may wait for the user
 * @param sessionStore        the session store directory, {@code "none"} (in memory), or null for the per-agent default
 */
public record ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                           Duration elicitationTimeout, String sessionStore) {

    public ServerConfig(String source, List<AuthMethodConfig> authMethods, Path credentialStore,
                        Duration elicitationTimeout) {
        this(source, authMethods, credentialStore, elicitationTimeout, null);
    }

    public static final Duration DEFAULT_ELICITATION_TIMEOUT = Duration.ofMinutes(5);

    public static ServerConfig empty(String source) {
        return new ServerConfig(source, List.of(), null, DEFAULT_ELICITATION_TIMEOUT);
    }
}
