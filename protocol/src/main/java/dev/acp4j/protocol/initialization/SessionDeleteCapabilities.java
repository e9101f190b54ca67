package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Advertises {@code session/delete}; present as {@code {}} when supported.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record SessionDeleteCapabilities(@JsonProperty("_meta") Map<String, Object> meta) {
}
