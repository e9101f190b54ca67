package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Cumulative monetary cost of a session.
 *
 * @param amount the amount spent
 * @param currency its ISO 4217 currency code, e.g. {@code USD}
 * @param meta extension data ({@code _meta}), or null
 */
public record Cost(
        @JsonProperty(value = "amount", required = true) double amount,
        @JsonProperty(value = "currency", required = true) String currency,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
