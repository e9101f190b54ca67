package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code session/list}: a page of sessions and the cursor of the next page, if any.
 *
 * @param sessions the sessions of this page
 * @param nextCursor the cursor of the next page, or null on the last
 * @param meta extension data ({@code _meta}), or null
 */
public record ListSessionsResponse(
        @JsonProperty(value = "sessions", required = true) List<SessionInfo> sessions,
        @JsonProperty("nextCursor") String nextCursor,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * The last page: no {@code nextCursor}.
     *
     * @param sessions the sessions of this page
     * @return the result
     */
    public static ListSessionsResponse of(List<SessionInfo> sessions) {
        return new ListSessionsResponse(sessions, null, null);
    }
}
