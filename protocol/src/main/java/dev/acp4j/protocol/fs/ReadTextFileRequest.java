package dev.acp4j.protocol.fs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Params of {@code fs/read_text_file}: read a text file in the client (including unsaved edits). */
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
