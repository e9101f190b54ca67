package dev.acp4j.auth.web;

import java.util.Objects;
import java.util.regex.Pattern;

/** Decides whether a pasted API key is worth keeping, before any network call. */
@FunctionalInterface
public interface KeyValidator {

    /**
     * @param key the key as submitted, without surrounding whitespace
     * @return {@code null} if the key is acceptable, else a message for the user (which must
     *         not quote the key)
     */
    String validate(String key);

    /**
     * Accepts anything that is not empty.
     *
     * @return the validator
     */
    static KeyValidator nonEmpty() {
        return key -> key == null || key.isBlank() ? "Please paste your API key." : null;
    }

    /**
     * Accepts what could be an API key: 8 to 4096 printable ASCII characters without
     * whitespace, matching {@code patternOrNull} in full when one is given.
     *
     * @param patternOrNull a regular expression (the method's {@code keyPattern}), or null
     * @return the validator
     */
    static KeyValidator plausible(String patternOrNull) {
        Pattern pattern = patternOrNull == null ? null : Pattern.compile(patternOrNull);
        return key -> {
            String trimmed = Objects.requireNonNullElse(key, "").strip();
            if (trimmed.isEmpty()) {
                return "Please paste your API key.";
            }
            if (trimmed.chars().anyMatch(Character::isWhitespace)) {
                return "That does not look like an API key: it contains spaces or line breaks.";
            }
            if (trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                return "That does not look like an API key: it contains characters that API keys do not use.";
            }
            if (trimmed.length() < 8) {
                return "That does not look like an API key: it is too short.";
            }
            if (trimmed.length() > 4096) {
                return "That does not look like an API key: it is too long.";
            }
            if (pattern != null && !pattern.matcher(trimmed).matches()) {
                return "That does not look like an API key for this service: it does not have the expected format.";
            }
            return null;
        };
    }
}
