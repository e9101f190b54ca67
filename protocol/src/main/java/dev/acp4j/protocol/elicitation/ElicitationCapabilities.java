package dev.acp4j.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Elicitation modes the client supports; a mode is advertised by a present (empty) object.
 *
 * @param form present when the client supports form mode
 * @param url present when the client supports URL mode
 * @param meta extension data ({@code _meta}), or null
 */
public record ElicitationCapabilities(
        @JsonProperty("form") ElicitationFormCapabilities form,
        @JsonProperty("url") ElicitationUrlCapabilities url,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
