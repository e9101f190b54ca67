package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Result of {@code session/delete}: {@code {}}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record DeleteSessionResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    /** {@return the success result, {@code {}}} */
    public static DeleteSessionResponse empty() {
        return new DeleteSessionResponse(null);
    }
}
