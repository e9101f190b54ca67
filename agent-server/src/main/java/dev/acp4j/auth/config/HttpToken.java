package dev.acp4j.auth.config;

import java.util.regex.Pattern;

/** RFC 9110 §5.6.2 tokens (header names, auth schemes) and header values a request can carry. */
final class HttpToken {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern FIELD_VALUE = Pattern.compile("[\\x20-\\x7e\\t]*");

    private HttpToken() {
    }

    static boolean is(String text) {
        return text != null && TOKEN.matcher(text).matches();
    }

    /** Printable ASCII without CR or LF (no header injection). */
    static boolean isFieldValue(String text) {
        return text != null && FIELD_VALUE.matcher(text).matches();
    }
}
