package dev.acp4j.auth;

import dev.acp4j.server.config.AuthMethodType;
import dev.acp4j.server.config.CredentialInput;
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
 */
public record LaunchEnvironment(Map<String, String> env, Map<String, String> startParams) {

    public LaunchEnvironment {
        env = Map.copyOf(env);
        startParams = Map.copyOf(startParams);
    }

    public static LaunchEnvironment of(Map<String, String> env) {
        return new LaunchEnvironment(env, Map.of());
    }

    /** The value an input supplies in this process, if any (never blank). */
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

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
