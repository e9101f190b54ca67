package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Free-form input a slash command accepts, described by a hint.
 *
 * @param hint what to type after the command, shown while it is empty
 * @param meta extension data ({@code _meta}), or null
 */
public record UnstructuredCommandInput(
        @JsonProperty(value = "hint", required = true) String hint,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
