package dev.acp4j.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tests' own reading of {@code application/x-www-form-urlencoded} text (queries, form bodies),
 * independent of the server's parser so that a bug there cannot hide behind the same bug here.
 */
public final class QueryString {

    private QueryString() {
    }

    /** The decoded parameters of {@code raw} in order; a parameter without {@code =} is skipped. */
    public static Map<String, String> parse(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The decoded query parameters of {@code uri}. */
    public static Map<String, String> of(URI uri) {
        return parse(uri.getRawQuery());
    }
}
