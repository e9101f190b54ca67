package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Name and version of a client or agent implementation. */
public record Implementation(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("title") String title,
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty("_meta") Map<String, Object> meta) {

    public static Implementation of(String name, String title, String version) {
        return new Implementation(name, title, version, null);
    }
}
