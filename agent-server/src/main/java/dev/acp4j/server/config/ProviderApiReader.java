package dev.acp4j.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.config.ExchangeConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code oauth2} method's provider API keys: {@code headers}, {@code apiBaseUrl} and the
 * {@code exchange} object. Only JSON types and unknown keys are reported here; the rest is
 * {@code dev.acp4j.auth.config}'s rules.
 */
final class ProviderApiReader {

    /** The keys this reader adds to an {@code oauth2} method. */
    static final Set<String> KEYS = Set.of("headers", "apiBaseUrl", "exchange");

    private static final Set<String> EXCHANGE_KEYS = Set.of("endpoint", "method", "headers", "tokenPlacement",
            "tokenField", "expiresAtField", "expiresInField", "apiBaseUrlField", "_comment");

    private ProviderApiReader() {
    }

    static Map<String, String> headers(JsonNode method, String label, Problems problems) {
        return stringMap(method.get("headers"), label + ": \"headers\"", problems);
    }

    static String apiBaseUrl(JsonNode method, String label, Problems problems) {
        return text(method, "apiBaseUrl", label + ": \"apiBaseUrl\"", problems);
    }

    static ExchangeConfig exchange(JsonNode method, String label, Problems problems) {
        JsonNode node = method.get("exchange");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(label + ": \"exchange\" must be an object {endpoint, method?, headers?, tokenPlacement?,"
                    + " tokenField?, expiresAtField? or expiresInField?, apiBaseUrlField?}");
            return null;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!EXCHANGE_KEYS.contains(key)) {
                problems.add(label + ": exchange: unknown key \"" + key + "\"");
            }
        });
        String where = label + ": exchange.";
        return new ExchangeConfig(text(node, "endpoint", where + "endpoint", problems),
                text(node, "method", where + "method", problems),
                stringMap(node.get("headers"), where + "headers", problems),
                text(node, "tokenPlacement", where + "tokenPlacement", problems),
                text(node, "tokenField", where + "tokenField", problems),
                text(node, "expiresAtField", where + "expiresAtField", problems),
                text(node, "expiresInField", where + "expiresInField", problems),
                text(node, "apiBaseUrlField", where + "apiBaseUrlField", problems));
    }

    private static String text(JsonNode node, String key, String what, Problems problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(what + " must be a string");
            return null;
        }
        return value.textValue();
    }

    private static Map<String, String> stringMap(JsonNode value, String what, Problems problems) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            problems.add(what + " must be an object of strings");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (field.getValue().isTextual()) {
                result.put(field.getKey(), field.getValue().textValue());
            } else {
                problems.add(what + "." + field.getKey() + " must be a string");
            }
        }
        return result;
    }
}
