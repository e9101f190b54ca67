package dev.acp4j.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments an editor launches the agent with, read without picocli: {@code --config},
 * {@code --trace}, {@code --max-line-bytes}, {@code --log-level} and the configuration's
 * {@code start_param} flags, each at most once, as {@code --name value} or {@code --name=value}.
 * picocli builds its model by reflection and its classes cannot be put in the class-data archive,
 * which costs every launch; so the common case skips it. Anything else (help, version, login,
 * an unknown or repeated flag, a missing or malformed value) is left to picocli, which reports it.
 */
record ServeArguments(Path config, Path trace, int maxLineBytes, String logLevel, Map<String, String> startValues) {

    static final String CONFIG = "--config";
    static final String TRACE = "--trace";
    static final String MAX_LINE_BYTES = "--max-line-bytes";
    static final String LOG_LEVEL = "--log-level";
    static final String DEFAULT_MAX_LINE_BYTES = "33554432";
    static final String DEFAULT_LOG_LEVEL = "info";

    /** The serve arguments, or empty when picocli must read {@code args}. */
    static Optional<ServeArguments> read(String[] args, Set<String> startParameterNames) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            boolean known = name.equals(CONFIG) || name.equals(TRACE) || name.equals(MAX_LINE_BYTES)
                    || name.equals(LOG_LEVEL) || startParameterNames.contains(name);
            if (!known || value.isEmpty() || value.startsWith("-") || values.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        String maxLineBytes = values.getOrDefault(MAX_LINE_BYTES, DEFAULT_MAX_LINE_BYTES);
        if (!isDecimal(maxLineBytes, 9)) {
            return Optional.empty();
        }
        String config = values.remove(CONFIG);
        String trace = values.remove(TRACE);
        values.remove(MAX_LINE_BYTES);
        String logLevel = values.getOrDefault(LOG_LEVEL, DEFAULT_LOG_LEVEL);
        values.remove(LOG_LEVEL);
        try {
            return Optional.of(new ServeArguments(path(config), path(trace), Integer.parseInt(maxLineBytes), logLevel,
                    Map.copyOf(values)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** {@code [0-9]{1,maxDigits}}, without a regular expression (every launch checks it). */
    private static boolean isDecimal(String value, int maxDigits) {
        if (value.isEmpty() || value.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
