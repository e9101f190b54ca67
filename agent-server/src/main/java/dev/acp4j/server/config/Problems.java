package dev.acp4j.server.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a configuration, so the user fixes it in one go. */
final class Problems {

    private final String source;
    private final List<String> items = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(String problem) {
        items.add(problem);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** One line: {@code config SOURCE: problem; problem}. */
    String message() {
        return "config " + source + ": " + String.join("; ", items);
    }

    void throwIfAny() throws ConfigException {
        if (!items.isEmpty()) {
            throw new ConfigException(message());
        }
    }

    /** For configurations built in code, where a mistake is a programming error. */
    void throwUncheckedIfAny() {
        if (!items.isEmpty()) {
            throw new IllegalArgumentException(message());
        }
    }
}
