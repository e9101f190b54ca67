package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code logout}.
 *
 * @param meta extension data ({@code _meta}), or null
 */
public record LogoutRequest(@JsonProperty("_meta") Map<String, Object> meta) {
}
