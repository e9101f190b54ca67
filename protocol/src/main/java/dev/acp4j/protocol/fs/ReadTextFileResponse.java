package dev.acp4j.protocol.fs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code fs/read_text_file}: the file content.
 *
 * @param content the text read
 * @param meta extension data ({@code _meta}), or null
 */
public record ReadTextFileResponse(
        @JsonProperty(value = "content", required = true) String content,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A result with the given content.
     *
     * @param content the text read
     * @return the result
     */
    public static ReadTextFileResponse of(String content) {
        return new ReadTextFileResponse(content, null);
    }
}
