package dev.acp4j.cli;

import dev.acp4j.auth.LoginCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How this very process can be launched again for a terminal login: {@code bin/acp4j} passes its
 * own path as the system property {@value #LAUNCHER_PROPERTY}; without it (a JVM started some other
 * way) the command is this JVM's {@code java} with this class path and {@link Main}. The arguments
 * are those a login needs: {@code --config} with the file made absolute (a terminal may start in
 * another directory). Start parameters and logging options are not passed: a login reads none.
 */
final class SelfLaunch {

    static final String LAUNCHER_PROPERTY = "acp4j.launcher";

    private SelfLaunch() {
    }

    /**
     * @param config          the {@code --config} file, or null for the built-in configuration
     * @param credentialStore the configured store, or null for the per-user default
     */
    static LoginCommand loginCommand(Path config, Path credentialStore, Map<String, String> env) {
        List<String> args = new ArrayList<>();
        Path command = launcher();
        if (command == null) {
            command = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
            args.add("-cp");
            args.add(String.join(File.pathSeparator, List.of(System.getProperty("java.class.path", "")
                    .split(File.pathSeparator)).stream().map(entry -> Path.of(entry).toAbsolutePath().toString()).toList()));
            args.add(Main.class.getName());
        }
        if (config != null) {
            args.add(ServeArguments.CONFIG);
            args.add(config.toAbsolutePath().normalize().toString());
        }
        String configHome = env.get("XDG_CONFIG_HOME");
        return new LoginCommand(command, args, credentialStore == null && configHome != null && !configHome.isEmpty()
                ? Map.of("XDG_CONFIG_HOME", configHome) : Map.of());
    }

    /** The launcher's real path, or null when it was not given or is not an executable file. */
    private static Path launcher() {
        String given = System.getProperty(LAUNCHER_PROPERTY);
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(given).toRealPath();
            return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }
}
