package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Optional session methods the agent supports; each is advertised by a present (empty) object. */
public record SessionCapabilities(
        @JsonProperty("list") SessionListCapabilities list,
        @JsonProperty("delete") SessionDeleteCapabilities delete,
        @JsonProperty("additionalDirectories") SessionAdditionalDirectoriesCapabilities additionalDirectories,
        @JsonProperty("resume") SessionResumeCapabilities resume,
        @JsonProperty("close") SessionCloseCapabilities close,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
