package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Client support for boolean session config options; present as {@code {}} when supported.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record BooleanConfigOptionCapabilities(@JsonProperty("_meta") Map<String, Object> meta) {
}
