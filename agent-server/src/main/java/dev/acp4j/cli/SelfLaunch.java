package dev.acp4j.cli;

import dev.acp4j.auth.LoginCommand;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How this very process can be launched again for a terminal login: {@code bin/acp4j} (and an
 * agent's launcher from a release archive) passes its own path as the system property
 * {@value #LAUNCHER_PROPERTY}; without it (a JVM started some other way) the command is this JVM's
 * {@code java} with this class path and the agent's own main class. The arguments are those a
 * login needs: {@code --config} with the file made absolute (a terminal may start in another
 * directory). Start parameters and logging options are not passed: a login reads none.
 */
final class SelfLaunch {

    static final String LAUNCHER_PROPERTY = "acp4j.launcher";

    private SelfLaunch() {
    }

    /**
     * @param config          the {@code --config} file, or null for the agent's default configuration
     * @param credentialStore the configured store, or null for the per-user default (the agent's
     *                        name decides it; the login is the same agent, so only
     *                        {@code XDG_CONFIG_HOME} needs passing on)
     * @param mainClass       the agent's main class (asked only for a JVM started without the
     *                        launcher script); null when unknown
     * @return null when neither the launcher nor the main class is known
     */
    static LoginCommand loginCommand(Path config, Path credentialStore, Map<String, String> env,
                                     Supplier<String> mainClass) {
        List<String> args = new ArrayList<>();
        Path command = launcher();
        if (command == null) {
            String main = mainClass.get();
            if (main == null) {
                return null;
            }
            command = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
            args.add("-cp");
            args.add(String.join(File.pathSeparator, List.of(System.getProperty("java.class.path", "")
                    .split(File.pathSeparator)).stream().map(entry -> Path.of(entry).toAbsolutePath().toString()).toList()));
            args.add(main);
        }
        if (config != null) {
            args.add(ServeArguments.CONFIG);
            args.add(config.toAbsolutePath().normalize().toString());
        }
        String configHome = env.get("XDG_CONFIG_HOME");
        return new LoginCommand(command, args, credentialStore == null && configHome != null && !configHome.isEmpty()
                ? Map.of("XDG_CONFIG_HOME", configHome) : Map.of());
    }

    /**
     * The agent's main class: {@code caller} (the class that called {@link AcpLauncher#main}) when
     * it has a {@code static void main(String[])}, else the class this JVM was started with.
     */
    static String mainClass(Class<?> caller) {
        if (caller != null) {
            try {
                Method main = caller.getMethod("main", String[].class);
                if (Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class) {
                    return caller.getName();
                }
            } catch (NoSuchMethodException | SecurityException e) {
                // not a main class: the JVM's
            }
        }
        return commandMainClass();
    }

    /**
     * The main class this JVM was started with ({@code java [options] CLASS args}), or null when
     * it was started with {@code -jar} or the JVM does not say.
     */
    static String commandMainClass() {
        String command = System.getProperty("sun.java.command", "").strip();
        String first = command.isEmpty() ? "" : command.split("\\s+", 2)[0];
        return ClassNames.JAVA_CLASS_NAME.matcher(first).matches() && !first.endsWith(".jar") ? first : null;
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

    /** Compiled only when a main class is looked for: not on the path of every launch. */
    private static final class ClassNames {
        static final Pattern JAVA_CLASS_NAME =
                Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    }
}
