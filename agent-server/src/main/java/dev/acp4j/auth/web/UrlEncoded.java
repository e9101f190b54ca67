package dev.acp4j.auth.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} data: form bodies and query strings. */
final class UrlEncoded {

    private UrlEncoded() {
    }

    /**
     * The parameters in order. A repeated parameter is refused (RFC 6749 §3.1 forbids them,
     * and a form of ours never repeats one).
     *
     * @throws IllegalArgumentException on malformed or repeated parameters; the message never
     *                                  quotes the data, which may hold a secret
     */
    static Map<String, String> parse(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return Collections.unmodifiableMap(parameters);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("A parameter is repeated");
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed percent-encoding");
        }
    }
}
