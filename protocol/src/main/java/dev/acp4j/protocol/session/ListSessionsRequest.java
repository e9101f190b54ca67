package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Params of {@code session/list}: list known sessions, optionally in one directory, a page at a time. */
public record ListSessionsRequest(
        @JsonProperty("cwd") String cwd,
        @JsonProperty("cursor") String cursor,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
