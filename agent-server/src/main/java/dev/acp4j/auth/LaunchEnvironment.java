package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What this process was launched with: its environment and the values of the command-line
 * flags that {@code start_param} methods declare. A secret start parameter names a file
 * (a secret on the command line would show in process listings); its value is the file's
 * content.
 *
 * @param env the process environment
 * @param startParams the values of the declared start-parameter flags, by flag
 */
public record LaunchEnvironment(Map<String, String> env, Map<String, String> startParams) {

    /**
     * Copies the maps.
     *
     * @param env the process environment
     * @param startParams the values of the declared start-parameter flags, by flag name
     */
    public LaunchEnvironment {
        env = Map.copyOf(env);
        startParams = Map.copyOf(startParams);
    }

    /**
     * A launch without start parameters.
     *
     * @param env the process environment
     * @return the launch environment
     */
    public static LaunchEnvironment of(Map<String, String> env) {
        return new LaunchEnvironment(env, Map.of());
    }

    /**
     * The value an input supplies in this process, if any (never blank).
     *
     * @param type the type of the method declaring the input ({@code env_var} or {@code start_param})
     * @param input the input
     * @return the value, for a secret file parameter the file's content
     */
    public Optional<String> value(AuthMethodType type, CredentialInput input) {
        if (type == AuthMethodType.ENV_VAR) {
            return nonBlank(env.get(input.name()));
        }
        String given = startParams.get(input.name());
        if (given == null || !input.secret()) {
            return nonBlank(given);
        }
        try {
            return nonBlank(Files.readString(Path.of(given), StandardCharsets.UTF_8).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Why a start parameter that names a file gives no value: {@code file /x/key is missing}, {@code is empty}
     * or {@code cannot be read}; empty when it gives a value or was not given at all.
     *
     * @param type the type of the method declaring the input
     * @param input the input
     * @return the problem, for the user
     */
    public Optional<String> problem(AuthMethodType type, CredentialInput input) {
        String given = type == AuthMethodType.START_PARAM && input.secret() ? startParams.get(input.name()) : null;
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(given);
        } catch (RuntimeException e) {
            return Optional.of("'" + given + "' is not a file name");
        }
        if (!Files.exists(file)) {
            return Optional.of("file " + file + " is missing");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).isBlank()
                    ? Optional.of("file " + file + " is empty") : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
