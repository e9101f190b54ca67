package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Advertises {@code logout}; written as {@code {}} when supported.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record LogoutCapabilities(@JsonProperty("_meta") Map<String, Object> meta) {
}
