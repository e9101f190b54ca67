package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code session/list}: list known sessions, optionally in one directory, a page at a time.
 *
 * @param cwd only sessions in this working directory, or null for all
 * @param cursor the {@code nextCursor} of the previous page, or null for the first
 * @param meta extension data ({@code _meta}), or null
 */
public record ListSessionsRequest(
        @JsonProperty("cwd") String cwd,
        @JsonProperty("cursor") String cursor,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
