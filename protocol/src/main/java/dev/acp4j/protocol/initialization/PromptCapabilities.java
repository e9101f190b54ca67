package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Content types the agent accepts in prompts beyond text and resource links; absent means false.
 *
 * @param image whether prompts may contain images
 * @param audio whether prompts may contain audio
 * @param embeddedContext whether prompts may contain embedded resources
 * @param meta extension data ({@code _meta}), or null
 */
public record PromptCapabilities(
        @JsonProperty("image") Boolean image,
        @JsonProperty("audio") Boolean audio,
        @JsonProperty("embeddedContext") Boolean embeddedContext,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
