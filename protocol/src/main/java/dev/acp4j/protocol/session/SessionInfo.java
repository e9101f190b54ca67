package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A session as listed by {@code session/list}.
 *
 * @param sessionId the ACP session id
 * @param cwd absolute path of the working directory
 * @param additionalDirectories further absolute workspace roots, or null
 * @param title a title, or null
 * @param updatedAt ISO-8601 time of the last activity, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionInfo(
        @JsonProperty(value = "sessionId", required = true) String sessionId,
        @JsonProperty(value = "cwd", required = true) String cwd,
        @JsonProperty("additionalDirectories") List<String> additionalDirectories,
        @JsonProperty("title") String title,
        @JsonProperty("updatedAt") String updatedAt,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
