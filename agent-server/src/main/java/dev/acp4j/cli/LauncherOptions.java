package dev.acp4j.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The launcher's options as picocli reads them (help, version, login, logout, status, mistakes);
 * the common serve case is read without picocli by {@link ServeArguments}, into the same fields.
 * {@code start_param} flags may not reuse these names ({@code dev.acp4j.auth.config.AuthMethodRules}).
 */
@Command(sortOptions = false, usageHelpAutoWidth = true)
final class LauncherOptions {

    static final String LOGIN = "--login";
    static final String LOGOUT = "--logout";
    static final String STATUS = "--status";
    static final String FORCE = "--force";
    static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");

    @Option(names = ServeArguments.CONFIG, paramLabel = "FILE",
            description = "JSON configuration (auth methods, credential store). {} means: no auth methods. "
                    + "Default: the agent's own configuration.")
    Path config;

    @Option(names = ServeArguments.TRACE, paramLabel = "FILE",
            description = "Write every line in and out, with direction and timestamp, to FILE.")
    Path trace;

    @Option(names = LOGIN, arity = "0..1", fallbackValue = "", paramLabel = "METHOD_ID",
            description = "Log in on this terminal (a hidden prompt for a key, or the browser for OAuth) with "
                    + "METHOD_ID, or the only/chosen interactive method; stores the credential and exits.")
    String login;

    @Option(names = FORCE, description = "With " + LOGIN + ": sign in again even when the stored credential is "
            + "usable (otherwise " + LOGIN + " only says so, after refreshing it if it must).")
    boolean force;

    @Option(names = LOGOUT, arity = "0..1", fallbackValue = "", paramLabel = "PROVIDER",
            description = "Erase (and revoke, where the server offers it) this agent's stored credentials: "
                    + "PROVIDER's, or all of them; then exit.")
    String logout;

    @Option(names = STATUS, description = "Show which providers are signed in (kind, source, expiry; never a secret) "
            + "and exit.")
    boolean status;

    @Option(names = ServeArguments.MAX_LINE_BYTES, paramLabel = "N", defaultValue = ServeArguments.DEFAULT_MAX_LINE_BYTES,
            description = "Largest accepted incoming message in bytes (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = ServeArguments.LOG_LEVEL, paramLabel = "LEVEL", defaultValue = ServeArguments.DEFAULT_LOG_LEVEL,
            description = "stderr log level: error, warn, info, debug, trace (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    /** Takes the options read without picocli. */
    void take(ServeArguments arguments) {
        config = arguments.config();
        trace = arguments.trace();
        maxLineBytes = arguments.maxLineBytes();
        logLevel = arguments.logLevel();
    }

    /** How many of --login, --logout and --status were given (at most one may be). */
    int actions() {
        return (login != null ? 1 : 0) + (logout != null ? 1 : 0) + (status ? 1 : 0);
    }
}
