package dev.acp4j.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Optional hints on how a client should use or display a piece of content.
 *
 * @param audience who the content is for: {@code user}, {@code assistant}, or both
 * @param lastModified ISO-8601 time of the last change, or null
 * @param priority importance from 0 (least) to 1 (most), or null
 * @param meta extension data ({@code _meta}), or null
 */
public record Annotations(
        @JsonProperty("audience") List<Role> audience,
        @JsonProperty("lastModified") String lastModified,
        @JsonProperty("priority") Double priority,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
