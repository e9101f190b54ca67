package dev.acp4j.protocol.fs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code fs/write_text_file}: write a text file in the client.
 *
 * @param sessionId the ACP session id
 * @param path absolute path of the file
 * @param content the text to write
 * @param meta extension data ({@code _meta}), or null
 */
public record WriteTextFileRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "path", required = true) String path,
        @JsonProperty(value = "content", required = true) String content,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Writes the whole file.
     *
     * @param sessionId the session asking
     * @param path absolute path of the file
     * @param content the text to write
     * @return the request params
     */
    public static WriteTextFileRequest of(String sessionId, String path, String content) {
        return new WriteTextFileRequest(sessionId, path, content, null);
    }
}
