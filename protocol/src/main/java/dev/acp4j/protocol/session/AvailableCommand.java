package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A slash command the agent offers to the user.
 *
 * @param name the command name, e.g. {@code create_plan}
 * @param description what the command does
 * @param input what the command takes as input, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record AvailableCommand(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "description", required = true) String description,
        @JsonProperty("input") UnstructuredCommandInput input,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A slash command without an input hint.
     *
     * @param name the command, without the slash
     * @param description what it does, shown to the user
     * @return the command
     */
    public static AvailableCommand of(String name, String description) {
        return new AvailableCommand(name, description, null, null);
    }
}
