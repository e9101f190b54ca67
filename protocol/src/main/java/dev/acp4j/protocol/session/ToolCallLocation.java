package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A file location a tool call reads or changes, for follow-along UIs.
 *
 * @param path absolute path of the file
 * @param line a line in the file, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record ToolCallLocation(
        @JsonProperty(value = "path", required = true) String path,
        @JsonProperty("line") Integer line,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
