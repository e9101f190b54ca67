package dev.acp4j.auth.interaction;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL in the user's browser: {@code $BROWSER} when set (a list of commands separated by
 * the path separator, {@code %s} standing for the URL, else the URL appended; the first one found
 * is used), else the desktop's opener ({@code xdg-open} with a display, {@code open} on macOS, the
 * URL handler on Windows). Never through a shell, never on this process's stdin or stdout.
 * Unavailable on a remote session ({@code SSH_CONNECTION}/{@code SSH_TTY}), with
 * {@code ACP4J_NO_BROWSER} set, or when no opener exists.
 */
public final class Browser {

    /** The opener could not be started or exited with a failure. */
    public static final class OpenFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OpenFailedException(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> command;
    private final String unavailable;

    private Browser(List<String> command, String unavailable) {
        this.command = command;
        this.unavailable = unavailable;
    }

    /**
     * The browser of a process with environment {@code env} on this operating system.
     *
     * @param env the environment ({@code BROWSER}, {@code ACP4J_NO_BROWSER}, ...)
     * @return the browser
     */
    public static Browser of(Map<String, String> env) {
        return of(env, System.getProperty("os.name", ""));
    }

    static Browser of(Map<String, String> env, String osName) {
        if (present(env, "SSH_CONNECTION") || present(env, "SSH_TTY")) {
            return new Browser(null, "the agent runs on a remote machine (SSH_CONNECTION or SSH_TTY is set)");
        }
        if (env.containsKey("ACP4J_NO_BROWSER")) {
            return new Browser(null, "ACP4J_NO_BROWSER is set");
        }
        String configured = env.get("BROWSER");
        if (configured != null && !configured.isBlank()) {
            for (String entry : configured.split(File.pathSeparator)) {
                List<String> words = List.of(entry.strip().split("\\s+"));
                if (!words.get(0).isEmpty() && find(words.get(0), env).isPresent()) {
                    return new Browser(words, null);
                }
            }
            return new Browser(null, "BROWSER names no program found on this machine");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new Browser(List.of("rundll32", "url.dll,FileProtocolHandler"), null);
        }
        if (os.contains("mac")) {
            return find("open", env).isPresent() ? new Browser(List.of("open"), null)
                    : new Browser(null, "no 'open' command found");
        }
        if (!present(env, "DISPLAY") && !present(env, "WAYLAND_DISPLAY")) {
            return new Browser(null, "there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        }
        return find("xdg-open", env).isPresent() ? new Browser(List.of("xdg-open"), null)
                : new Browser(null, "no browser opener found (xdg-open is not installed; BROWSER is not set)");
    }

    /** {@return why no browser can be opened here, or empty when it can} */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /**
     * Starts the opener for {@code url}; returns its process (whose exit status tells whether it
     * worked). Its output is discarded and its stdin is empty.
     *
     * @param url the page to open
     * @return the opener process
     */
    public Process open(URI url) {
        if (unavailable != null) {
            throw new OpenFailedException("no browser can be opened: " + unavailable);
        }
        List<String> line = new ArrayList<>();
        boolean substituted = false;
        for (String word : command) {
            if (word.contains("%s")) {
                line.add(word.replace("%s", url.toString()));
                substituted = true;
            } else {
                line.add(word);
            }
        }
        if (!substituted) {
            line.add(url.toString());
        }
        try {
            Process process = new ProcessBuilder(line)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new OpenFailedException("cannot start the browser opener '" + command.get(0) + "': " + e.getMessage());
        }
    }

    /**
     * Best effort, for the terminal login (which prints the URL as well).
     *
     * @param url the page to open
     */
    public void tryOpen(URI url) {
        try {
            open(url);
        } catch (OpenFailedException e) {
            // the printed URL is enough
        }
    }

    /** {@return the opener's program name, for messages} */
    public String program() {
        return command == null ? "none" : command.get(0);
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isEmpty();
    }

    private static Optional<Path> find(String program, Map<String, String> env) {
        try {
            if (program.contains("/") || program.contains(File.separator)) {
                Path path = Path.of(program);
                return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
            }
            String searchPath = env.getOrDefault("PATH", "");
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                for (String suffix : File.separatorChar == '\\' ? List.of(".exe", ".cmd", ".bat", "") : List.of("")) {
                    Path candidate = Path.of(dir, program + suffix);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
