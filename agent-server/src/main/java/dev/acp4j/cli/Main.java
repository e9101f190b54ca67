package dev.acp4j.cli;

import dev.acp4j.auth.AuthMethodRegistry;
import dev.acp4j.auth.LaunchEnvironment;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.server.AcpServer;
import dev.acp4j.server.ServerVersion;
import dev.acp4j.server.TraceFile;
import dev.acp4j.server.config.ConfigException;
import dev.acp4j.server.config.ConfigLoader;
import dev.acp4j.server.config.ServerConfig;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code acp4j}: serves ACP over stdin/stdout (the default) or runs a terminal login.
 *
 * <p>stdout belongs to JSON-RPC: before serving, {@link System#out} is pointed at stderr so
 * that nothing printed by any library can corrupt the channel.
 */
@Command(name = "acp4j", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "An Agent Client Protocol (ACP v1) agent. Editors launch it and talk JSON-RPC over stdin/stdout.",
            "",
            "Without --login it serves ACP on stdin/stdout until stdin ends. Logs go to stderr.",
            "Flags declared by start_param auth methods of the configuration are accepted too."},
        footer = {"", "Exit status: 0 on stdin EOF or a successful login; 1 on a failed login or a runtime failure;",
            "2 on a usage or configuration error."})
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = ServeArguments.CONFIG, paramLabel = "FILE",
            description = "JSON configuration (auth methods, credential store). {} means: built-in agent, "
                    + "no auth methods. Default: the built-in configuration.")
    Path config;

    @Option(names = ServeArguments.TRACE, paramLabel = "FILE",
            description = "Write every line in and out, with direction and timestamp, to FILE.")
    Path trace;

    @Option(names = "--login", arity = "0..1", fallbackValue = "", paramLabel = "METHOD_ID",
            description = "Log in on this terminal (a hidden prompt for a key, or the browser for OAuth) with "
                    + "METHOD_ID, or the only/chosen interactive method; stores the credential and exits.")
    String login;

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

    public static void main(String[] args) {
        WarmUp.start();
        System.exit(run(args, new FileInputStream(FileDescriptor.in),
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
    }

    static int run(String[] args, java.io.InputStream stdin, OutputStream stdout) {
        PrintStream stderr = System.err;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        // The configuration is read before parsing: its start_param methods declare flags.
        ServerConfig serverConfig = null;
        ConfigException configProblem = null;
        try {
            Path configFile = StartParameters.configArgument(args);
            serverConfig = configFile == null ? new ConfigLoader().loadDefault() : new ConfigLoader().load(configFile);
        } catch (ConfigException e) {
            configProblem = e;
        }
        StartParameters startParameters = new StartParameters(serverConfig);
        if (configProblem != null && !StartParameters.asksForHelp(args)) {
            err.println("acp4j: " + configProblem.getMessage());
            return EXIT_USAGE;
        }
        Main main = new Main();
        Map<String, String> startValues;
        Optional<ServeArguments> serveArguments = configProblem == null
                ? ServeArguments.read(args, startParameters.names()) : Optional.empty();
        if (serveArguments.isPresent()) {
            startValues = main.take(serveArguments.get());
        } else {
            CommandLine commandLine = new CommandLine(main);
            commandLine.getCommandSpec().version("acp4j " + ServerVersion.VERSION);
            commandLine.setOut(out).setErr(err);
            startParameters.declare(commandLine.getCommandSpec());
            CommandLine.ParseResult parsed;
            try {
                parsed = commandLine.parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                err.println("acp4j: " + e.getMessage());
                err.println("Try 'acp4j --help'.");
                return EXIT_USAGE;
            }
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return EXIT_OK;
            }
            if (commandLine.isVersionHelpRequested()) {
                commandLine.printVersionHelp(out);
                return EXIT_OK;
            }
            startValues = startParameters.values(parsed);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", main.logLevel);
        // The MCP SDK logs every 401 (which acp4j answers with a sign-in) as a warning with a stack trace;
        // acp4j reports MCP failures itself, so the SDK's own lines show only when debugging.
        System.setProperty("org.slf4j.simpleLogger.log.io.modelcontextprotocol",
                main.logLevel.equals("debug") || main.logLevel.equals("trace") ? main.logLevel : "error");
        System.setOut(stderr);
        if (main.login != null) {
            return main.login(serverConfig, startValues, stdin, err);
        }
        return main.serve(serverConfig, startValues, stdin, stdout, err);
    }

    /** Takes the options read without picocli; returns the start-parameter values. */
    private Map<String, String> take(ServeArguments arguments) {
        config = arguments.config();
        trace = arguments.trace();
        maxLineBytes = arguments.maxLineBytes();
        logLevel = arguments.logLevel();
        return arguments.startValues();
    }

    private int login(ServerConfig serverConfig, Map<String, String> startValues, java.io.InputStream stdin,
                      PrintWriter err) {
        try {
            Map<String, String> env = System.getenv();
            CredentialStore store = new CredentialStore(serverConfig.credentialStore() != null
                    ? serverConfig.credentialStore() : CredentialStore.defaultPath(env));
            Clock clock = Clock.systemUTC();
            return new TerminalLogin(new AuthMethodRegistry(serverConfig.authMethods(),
                    new LaunchEnvironment(env, startValues)), store, new OAuthSignIn(store, clock, env),
                    env.containsKey("ACP4J_NO_BROWSER") ? null : Browser::open, clock, System.console(),
                    new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), err).run(login);
        } catch (IOException | RuntimeException e) {
            err.println("acp4j: login failed: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    private int serve(ServerConfig serverConfig, Map<String, String> startValues, java.io.InputStream stdin,
                      OutputStream stdout, PrintWriter err) {
        if (maxLineBytes < 1024) {
            err.println("acp4j: --max-line-bytes must be at least 1024");
            return EXIT_USAGE;
        }
        TraceFile traceFile = null;
        try {
            if (trace != null) {
                traceFile = TraceFile.open(trace);
            }
            AcpServer server = AcpServer.builder()
                    .config(serverConfig)
                    .launch(System.getenv(), startValues)
                    .loginCommand(SelfLaunch.loginCommand(config, serverConfig.credentialStore(), System.getenv()))
                    .maxLineBytes(maxLineBytes)
                    .trace(traceFile)
                    .build();
            server.serve(stdin, stdout);
            return EXIT_OK;
        } catch (IOException e) {
            err.println("acp4j: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (CompletionException e) {
            err.println("acp4j: stopped serving: " + e.getCause().getMessage() + " (the log above says why)");
            return EXIT_FAILURE;
        } finally {
            if (traceFile != null) {
                try {
                    traceFile.close();
                } catch (IOException ignored) {
                    // nothing left to report to
                }
            }
        }
    }
}
