package dev.acp4j.protocol.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An environment variable to set when launching a process (an MCP server or a terminal command).
 *
 * @param name the variable name
 * @param value its value
 * @param meta extension data ({@code _meta}), or null
 */
public record EnvVariable(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A variable without {@code _meta}.
     *
     * @param name the variable name
     * @param value the value to set
     * @return the variable
     */
    public static EnvVariable of(String name, String value) {
        return new EnvVariable(name, value, null);
    }
}
