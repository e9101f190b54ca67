package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Result of {@code session/delete}: {@code {}}. */
public record DeleteSessionResponse(@JsonProperty("_meta") Map<String, Object> meta) {

    public static DeleteSessionResponse empty() {
        return new DeleteSessionResponse(null);
    }
}
