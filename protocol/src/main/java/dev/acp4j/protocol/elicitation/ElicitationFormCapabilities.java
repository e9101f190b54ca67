package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Client support for form-mode elicitation; present as {@code {}} when supported.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record ElicitationFormCapabilities(@JsonProperty("_meta") Map<String, Object> meta) {
}
