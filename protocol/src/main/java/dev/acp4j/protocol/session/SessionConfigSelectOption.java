package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A value a select config option can take. */
public record SessionConfigSelectOption(
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("_meta") Map<String, Object> meta) {

    public static SessionConfigSelectOption of(String value, String name) {
        return new SessionConfigSelectOption(value, name, null, null);
    }
}
