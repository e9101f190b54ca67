package dev.acp4j.protocol.fs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code fs/write_text_file}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record WriteTextFileResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static WriteTextFileResponse empty() {
        return new WriteTextFileResponse(null);
    }
}
