package dev.acp4j.auth;

import dev.acp4j.auth.store.CredentialStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Who the agent is to its user: {@code name} (its {@code agentInfo.name}) decides its default
 * credential file and which stored credentials are its own; {@code displayName} (its title, else
 * its name) is what every text a user reads calls it.
 *
 * @param name        a file-name-safe id, e.g. {@code weather-agent}
 * @param displayName e.g. {@code Weather Agent}
 */
public record AgentIdentity(String name, String displayName) {

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
        if (!isFileNameSafe(name)) {
            throw new IllegalArgumentException("agent name '" + name + "' must be letters, digits, '.', '_' or '-'"
                    + " (it names the agent's configuration directory)");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._-]*}, checked without a regular expression (every launch checks it). */
    private static boolean isFileNameSafe(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alphanumeric && (i == 0 || c != '.' && c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
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
