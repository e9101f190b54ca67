package dev.acp4j.server.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store keeps of a session besides its conversation.
 *
 * @param sessionId             the ACP session id
 * @param cwd                   the absolute working directory
 * @param additionalDirectories further absolute workspace roots, in order
 * @param title                 a human-readable title, or null while there is none
 * @param createdAt             ISO-8601 instant of {@code session/new}
 * @param updatedAt             ISO-8601 instant of the last change (a turn, a title, a setting)
 * @param modeId                the current mode, or null when the agent has no modes
 * @param configValues          the current value of each config option: a value id (string) or a boolean
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredSession(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "cwd", required = true) String cwd,
        @JsonProperty("additionalDirectories") List<String> additionalDirectories,
        @JsonProperty("title") String title,
        @JsonProperty(value = "createdAt", required = true) String createdAt,
        @JsonProperty(value = "updatedAt", required = true) String updatedAt,
        @JsonProperty("modeId") String modeId,
        @JsonProperty("configValues") Map<String, Object> configValues) {

    /**
     * Copies the collections; null directories or config values read as empty.
     *
     * @param sessionId             the ACP session id
     * @param cwd                   the absolute working directory
     * @param additionalDirectories further absolute workspace roots, in order
     * @param title                 a human-readable title, or null while there is none
     * @param createdAt             ISO-8601 instant of {@code session/new}
     * @param updatedAt             ISO-8601 instant of the last change (a turn, a title, a setting)
     * @param modeId                the current mode, or null when the agent has no modes
     * @param configValues          the current value of each config option: a value id (string) or a boolean
     */
    public StoredSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(cwd, "cwd");
        additionalDirectories = additionalDirectories == null ? List.of() : List.copyOf(additionalDirectories);
        configValues = configValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configValues));
    }

    /**
     * A copy with a new title.
     *
     * @param value the title
     * @param now the time of the change (ISO-8601)
     * @return the copy
     */
    public StoredSession withTitle(String value, String now) {
        return new StoredSession(sessionId, cwd, additionalDirectories, value, createdAt, now, modeId, configValues);
    }

    /**
     * A copy in another mode.
     *
     * @param value the mode id
     * @param now the time of the change (ISO-8601)
     * @return the copy
     */
    public StoredSession withMode(String value, String now) {
        return new StoredSession(sessionId, cwd, additionalDirectories, title, createdAt, now, value, configValues);
    }

    /**
     * A copy with one config option set.
     *
     * @param configId the option's id
     * @param value a value id (string) or a boolean
     * @param now the time of the change (ISO-8601)
     * @return the copy
     */
    public StoredSession withConfigValue(String configId, Object value, String now) {
        Map<String, Object> values = new LinkedHashMap<>(configValues);
        values.put(configId, value);
        return new StoredSession(sessionId, cwd, additionalDirectories, title, createdAt, now, modeId, values);
    }

    /**
     * The same session opened again (load/resume) in {@code newCwd} with these roots.
     *
     * @param newCwd the absolute working directory given to load/resume
     * @param directories the additional workspace roots given to load/resume
     * @return the copy, its {@code updatedAt} unchanged
     */
    public StoredSession reopened(String newCwd, List<String> directories) {
        return new StoredSession(sessionId, newCwd, directories, title, createdAt, updatedAt, modeId, configValues);
    }

    /**
     * A copy changed at {@code now} (e.g. by a turn).
     *
     * @param now the time of the change (ISO-8601)
     * @return the copy
     */
    public StoredSession touched(String now) {
        return new StoredSession(sessionId, cwd, additionalDirectories, title, createdAt, now, modeId, configValues);
    }
}
