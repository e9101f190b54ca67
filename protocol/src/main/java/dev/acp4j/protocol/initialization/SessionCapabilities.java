package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Optional session methods the agent supports; each is advertised by a present (empty) object.
 *
 * @param list present when the agent supports {@code session/list}
 * @param delete present when the agent supports {@code session/delete}
 * @param additionalDirectories present when the agent accepts {@code additionalDirectories}
 * @param resume present when the agent supports {@code session/resume}
 * @param close present when the agent supports {@code session/close}
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionCapabilities(
        @JsonProperty("list") SessionListCapabilities list,
        @JsonProperty("delete") SessionDeleteCapabilities delete,
        @JsonProperty("additionalDirectories") SessionAdditionalDirectoriesCapabilities additionalDirectories,
        @JsonProperty("resume") SessionResumeCapabilities resume,
        @JsonProperty("close") SessionCloseCapabilities close,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
