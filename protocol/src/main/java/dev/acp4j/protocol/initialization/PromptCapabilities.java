package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Content types the agent accepts in prompts beyond text and resource links; absent means false. */
public record PromptCapabilities(
        @JsonProperty("image") Boolean image,
        @JsonProperty("audio") Boolean audio,
        @JsonProperty("embeddedContext") Boolean embeddedContext,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
