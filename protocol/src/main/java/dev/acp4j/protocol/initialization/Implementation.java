package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Name and version of a client or agent implementation.
 *
 * @param name the programmatic name
 * @param title the name shown to users, or null
 * @param version the version
 * @param meta extension data ({@code _meta}), or null
 */
public record Implementation(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("title") String title,
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * An implementation without {@code _meta}.
     *
     * @param name the programmatic name, e.g. {@code my-agent}
     * @param title the name shown to users, or null
     * @param version the version, e.g. {@code 1.2.0}
     * @return the implementation info
     */
    public static Implementation of(String name, String title, String version) {
        return new Implementation(name, title, version, null);
    }
}
