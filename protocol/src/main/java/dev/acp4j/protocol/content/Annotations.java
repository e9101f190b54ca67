package dev.acp4j.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Optional hints on how a client should use or display a piece of content. */
public record Annotations(
        @JsonProperty("audience") List<Role> audience,
        @JsonProperty("lastModified") String lastModified,
        @JsonProperty("priority") Double priority,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
