package dev.acp4j.protocol.fs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code fs/read_text_file}: read a text file in the client (including unsaved edits).
 *
 * @param sessionId the ACP session id
 * @param path absolute path of the file
 * @param line the first line to read (1-based), or null
 * @param limit how many lines to read at most, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record ReadTextFileRequest(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "path", required = true) String path,
        @JsonProperty("line") Integer line,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Reads the whole file.
     *
     * @param sessionId the session asking
     * @param path absolute path of the file
     * @return the request params
     */
    public static ReadTextFileRequest of(String sessionId, String path) {
        return new ReadTextFileRequest(sessionId, path, null, null, null);
    }
}
