package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A session as listed by {@code session/list}. */
public record SessionInfo(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "cwd", required = true) String cwd,
        @JsonProperty("additionalDirectories") List<String> additionalDirectories,
        @JsonProperty("title") String title,
        @JsonProperty("updatedAt") String updatedAt,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
