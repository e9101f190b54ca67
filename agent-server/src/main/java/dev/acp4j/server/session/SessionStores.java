package dev.acp4j.server.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;

/** Chooses the session store of a server: the configured one, or the per-agent default directory. */
public final class SessionStores {

    /** The {@code sessionStore} value that keeps sessions in memory only. */
    public static final String IN_MEMORY = "none";

    private SessionStores() {
    }

    /**
     * The store the {@code sessionStore} setting names.
     *
     * @param configured the {@code sessionStore} setting: a directory, {@link #IN_MEMORY}, or null for the default
     * @param env        the environment ({@code XDG_DATA_HOME}, {@code HOME})
     * @param agentName  {@code agentInfo.name}, which names the agent's data directory
     * @param mapper     reads and writes the session files
     * @return the store
     */
    public static SessionStore open(String configured, Map<String, String> env, String agentName, ObjectMapper mapper) {
        if (IN_MEMORY.equals(configured)) {
            return new MemorySessionStore();
        }
        Path directory = configured != null ? Path.of(configured) : defaultDirectory(env, agentName);
        return new FileSessionStore(directory, mapper);
    }

    /**
     * {@code $XDG_DATA_HOME/<agent>/sessions}, else {@code ~/.local/share/<agent>/sessions}.
     *
     * @param env the environment ({@code XDG_DATA_HOME}, {@code HOME})
     * @param agentName {@code agentInfo.name}
     * @return the directory
     */
    public static Path defaultDirectory(Map<String, String> env, String agentName) {
        String dataHome = env.get("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()
                ? Path.of(dataHome)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share");
        return base.resolve(safeName(agentName)).resolve("sessions");
    }

    private static String safeName(String agentName) {
        String name = agentName == null ? "" : agentName.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "acp4j" : name;
    }
}
