package dev.acp4j.auth;

import dev.acp4j.auth.store.CredentialStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who the agent is to its user: {@code name} (its {@code agentInfo.name}) decides its default
 * credential file and which stored credentials are its own; {@code displayName} (its title, else
 * its name) is what every text a user reads calls it.
 *
 * @param name        a file-name-safe id, e.g. {@code weather-agent}
 * @param displayName e.g. {@code Weather Agent}
 */
public record AgentIdentity(String name, String displayName) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The built-in agent. */
    public static final AgentIdentity ACP4J = new AgentIdentity("acp4j", "acp4j");

    /**
     * Checks the name.
     *
     * @param name        a file-name-safe id, e.g. {@code weather-agent}
     * @param displayName e.g. {@code Weather Agent}
     * @throws IllegalArgumentException when {@code name} is not letters, digits, '.', '_' or '-'
     */
    public AgentIdentity {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("agent name '" + name + "' must be letters, digits, '.', '_' or '-'"
                    + " (it names the agent's configuration directory)");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
    }

    /**
     * {@code $XDG_CONFIG_HOME/<name>/credentials.json}, else {@code ~/.config/<name>/credentials.json}.
     *
     * @param env the environment ({@code XDG_CONFIG_HOME}, {@code HOME})
     * @return the file
     */
    public Path defaultCredentialFile(Map<String, String> env) {
        return CredentialStore.defaultPath(env, name);
    }
}
