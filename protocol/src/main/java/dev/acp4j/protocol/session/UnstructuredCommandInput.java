package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Free-form input a slash command accepts, described by a hint. */
public record UnstructuredCommandInput(
        @JsonProperty(value = "hint", required = true) String hint,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
