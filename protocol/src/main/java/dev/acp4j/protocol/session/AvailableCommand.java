package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A slash command the agent offers to the user. */
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
