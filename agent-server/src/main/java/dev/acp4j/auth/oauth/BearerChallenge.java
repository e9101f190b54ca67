package dev.acp4j.auth.oauth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Bearer} challenge of a {@code WWW-Authenticate} header (RFC 6750 §3), with the
 * {@code resource_metadata} parameter of RFC 9728 §5.1. Nimbus' {@code BearerTokenError} does not
 * expose {@code resource_metadata}, so the auth-params (RFC 9110 §11.2) are read here.
 *
 * @param resourceMetadata the protected resource metadata URL, or null
 * @param scope            the scope the resource asks for, or null
 * @param error            the error code, e.g. {@code invalid_token}, or null
 */
public record BearerChallenge(URI resourceMetadata, String scope, String error) {

    /**
     * The Bearer challenge of {@code header}, if it has one whose parameters can be read.
     *
     * @param header a {@code WWW-Authenticate} header value, or null
     * @return the challenge
     */
    public static Optional<BearerChallenge> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int start = indexOfBearer(header);
        if (start < 0) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!readParams(header, start + "Bearer".length(), params)) {
            return Optional.empty();
        }
        URI metadata = null;
        String value = params.get("resource_metadata");
        if (value != null) {
            try {
                metadata = OAuthHttp.requireHttp(URI.create(value));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new BearerChallenge(metadata, params.get("scope"), params.get("error")));
    }

    private static int indexOfBearer(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf("bearer", from);
            if (at < 0) {
                return -1;
            }
            boolean startsToken = at == 0 || header.charAt(at - 1) == ' ' || header.charAt(at - 1) == ',';
            int end = at + "bearer".length();
            boolean endsToken = end == header.length() || header.charAt(end) == ' ';
            if (startsToken && endsToken) {
                return at;
            }
            from = end;
        }
    }

    /** Reads {@code name=value} pairs (token or quoted-string) until the next challenge; false when malformed. */
    private static boolean readParams(String header, int position, Map<String, String> params) {
        int i = position;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == ',')) {
                i++;
            }
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ' ' && header.charAt(i) != ',') {
                i++;
            }
            if (i == nameStart) {
                return true;
            }
            String name = header.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            if (i >= n || header.charAt(i) != '=') {
                return true; // the next challenge's scheme
            }
            i++;
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    if (header.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(header.charAt(i++));
                }
                if (i >= n) {
                    return false;
                }
                i++;
            } else {
                while (i < n && header.charAt(i) != ',' && header.charAt(i) != ' ') {
                    value.append(header.charAt(i++));
                }
            }
            params.putIfAbsent(name, value.toString());
        }
        return true;
    }
}
