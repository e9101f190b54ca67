package dev.acp4j.cli;

import dev.acp4j.auth.ClientFiles;
import dev.acp4j.auth.AgentIdentity;
import dev.acp4j.auth.AuthMethodRegistry;
import dev.acp4j.auth.LaunchEnvironment;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.server.AcpServer;
import dev.acp4j.server.Agent;
import dev.acp4j.server.FirstAnswerRecord;
import dev.acp4j.server.TraceFile;
import dev.acp4j.server.config.ConfigException;
import dev.acp4j.server.config.ConfigLoader;
import dev.acp4j.server.config.ServerConfig;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The command line of an ACP agent: what an editor launches. Serves ACP on stdin/stdout until
 * stdin ends, or runs {@code --login}, {@code --logout}, {@code --status}, {@code --help},
 * {@code --version}. Any agent gets all of it from its {@code main}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     AcpLauncher.builder().name("weather-agent").title("Weather Agent").version("1.0.0")
 *             .agent(new WeatherAgent()).defaultConfig(WeatherAgent.config()).build()
 *             .main(args);
 * }
 * }</pre>
 *
 * <p>Options: {@code --config FILE}, {@code --trace FILE}, {@code --max-line-bytes N},
 * {@code --log-level LEVEL}, the flags of the configuration's {@code start_param} methods,
 * {@code --login [METHOD_ID]}, {@code --logout [PROVIDER]}, {@code --status}. Exit status
 * {@link #EXIT_OK} when stdin ends or an action succeeded, {@link #EXIT_FAILURE} for a runtime
 * failure or a failed login, {@link #EXIT_USAGE} for a usage or configuration error (one line
 * on stderr naming the problem).
 *
 * <p>stdout belongs to JSON-RPC: before serving, {@link System#out} is pointed at stderr so that
 * nothing printed by any library can corrupt the channel. Logs and prompts go to stderr; only
 * {@code --help}, {@code --version} and {@code --status} print on stdout, and they serve nothing.
 */
public final class AcpLauncher {

    /** stdin ended, or {@code --login}/{@code --logout}/{@code --status}/{@code --help} succeeded. */
    public static final int EXIT_OK = 0;
    /** A runtime failure, or a failed login. */
    public static final int EXIT_FAILURE = 1;
    /** A usage or configuration error. */
    public static final int EXIT_USAGE = 2;

    private final AgentIdentity identity;
    private final String version;
    private final Agent agent;
    private final Supplier<ServerConfig> defaultConfig;
    /** The default configuration is the same at every launch (no author code decides it). */
    private final boolean defaultConfigFixed;
    /** The class that called {@link #main}: what a terminal login runs without a launcher script. */
    private volatile Class<?> caller;

    private AcpLauncher(Builder b) {
        this.identity = new AgentIdentity(b.name, b.title);
        this.version = b.version;
        this.agent = b.agent;
        this.defaultConfig = b.defaultConfig;
        this.defaultConfigFixed = b.defaultConfigFixed;
    }

    /** {@return a new launcher builder; {@link Builder#name}, {@link Builder#version} and {@link Builder#agent} are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs with the process's stdin and stdout, then exits the JVM with the exit status.
     *
     * @param args the command line, as given to {@code main}
     */
    public void main(String[] args) {
        Class<?> mainClass = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        main(args, mainClass, FirstAnswerCache.Launch.start(identity.name(), args, defaultConfigFixed));
    }

    /** As {@link #main(String[])}, with the first line already looked up in the first-answer cache. */
    void main(String[] args, Class<?> mainClass, FirstAnswerCache.Launch launch) {
        caller = mainClass;
        WarmUp.start();
        System.exit(run(args, launch.stdin(), launch.stdout(), launch.cache()));
    }

    /**
     * Runs with the process's stdin and stdout and returns the exit status (for tests; {@link #main}
     * is what a {@code main} method calls).
     *
     * @param args the command line, as given to {@code main}
     * @return the exit status: 0 on success
     */
    public int run(String[] args) {
        return run(args, new FileInputStream(FileDescriptor.in),
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }

    int run(String[] args, InputStream stdin, OutputStream stdout) {
        return run(args, stdin, stdout, null);
    }

    int run(String[] args, InputStream stdin, OutputStream stdout, FirstAnswerRecord firstAnswers) {
        PrintStream stderr = System.err;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        // The configuration is read before parsing: its start_param methods declare flags.
        Path configFile = null;
        ServerConfig config = null;
        ConfigException configProblem = null;
        try {
            configFile = StartParameters.configArgument(args);
            config = configFile == null ? defaultConfig() : new ConfigLoader().load(configFile);
            List<String> fileProblems = ClientFiles.problems(config.authMethods(), config.mcpClients());
            if (!fileProblems.isEmpty()) {
                throw new ConfigException("config " + config.source() + ": " + String.join("; ", fileProblems));
            }
        } catch (ConfigException e) {
            configProblem = e;
        }
        StartParameters startParameters = new StartParameters(config);
        if (configProblem != null && !StartParameters.asksForHelp(args)) {
            err.println(identity.name() + ": " + configProblem.getMessage());
            return EXIT_USAGE;
        }
        LauncherOptions options = new LauncherOptions();
        Map<String, String> startValues;
        Optional<ServeArguments> serveArguments = configProblem == null
                ? ServeArguments.read(args, startParameters.names()) : Optional.empty();
        if (serveArguments.isPresent()) {
            options.take(serveArguments.get());
            startValues = serveArguments.get().startValues();
        } else {
            CommandLineArguments.Outcome parsed = CommandLineArguments.parse(args, identity, version, options,
                    startParameters, out, err);
            if (parsed.exitStatus() != null) {
                return parsed.exitStatus();
            }
            startValues = parsed.startValues();
        }
        if (!LauncherOptions.LOG_LEVELS.contains(options.logLevel)) {
            return usageError(err, ServeArguments.LOG_LEVEL + " must be one of " + String.join(", ", LauncherOptions.LOG_LEVELS)
                    + ", not '" + options.logLevel + "'");
        }
        if (options.maxLineBytes < 1024) {
            return usageError(err, ServeArguments.MAX_LINE_BYTES + " must be at least 1024");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", options.logLevel);
        // The MCP SDK logs every 401 (which acp4j answers with a sign-in) as a warning with a stack trace;
        // acp4j reports MCP failures itself, so the SDK's own lines show only when debugging.
        System.setProperty("org.slf4j.simpleLogger.log.io.modelcontextprotocol",
                options.logLevel.equals("debug") || options.logLevel.equals("trace") ? options.logLevel : "error");
        System.setOut(stderr);
        Map<String, String> env = System.getenv();
        LaunchEnvironment launch = new LaunchEnvironment(env, startValues);
        AuthMethodRegistry registry = new AuthMethodRegistry(config.authMethods(), launch);
        if (options.login == null && options.logout == null && !options.status) {
            // Serving: the store (and the logging it brings) is opened by the server, after the first answer.
            AccountCommands.reportLaunchProblems(identity, registry, err);
            return serve(options, config, startValues, env, stdin, stdout, err, firstAnswers);
        }
        CredentialStore store = new CredentialStore(config.credentialStore() != null
                ? config.credentialStore() : identity.defaultCredentialFile(env));
        AccountCommands accounts = new AccountCommands(identity, registry, store, err);
        if (options.login != null) {
            return accounts.login(options.login, options.force, stdin);
        }
        if (options.logout != null) {
            return accounts.logout(options.logout);
        }
        if (options.status) {
            accounts.reportLaunchProblems();
            int status = accounts.status(out);
            out.flush();
            return status;
        }
        throw new IllegalStateException("no action");
    }

    private int serve(LauncherOptions options, ServerConfig config, Map<String, String> startValues,
                      Map<String, String> env, InputStream stdin, OutputStream stdout, PrintWriter err,
                      FirstAnswerRecord firstAnswers) {
        TraceFile traceFile = null;
        try {
            if (options.trace != null) {
                traceFile = TraceFile.open(options.trace);
            }
            AcpServer server = AcpServer.builder()
                    .agent(agent)
                    .agentInfo(identity.name(), identity.displayName(), version)
                    .config(config)
                    .launch(env, startValues)
                    .loginCommand(SelfLaunch.loginCommand(options.config, config.credentialStore(), env,
                            () -> SelfLaunch.mainClass(caller)))
                    .maxLineBytes(options.maxLineBytes)
                    .trace(traceFile)
                    .firstAnswerRecord(firstAnswers)
                    .build();
            server.serve(stdin, stdout);
            return EXIT_OK;
        } catch (TraceFile.CannotOpenException e) {
            err.println(identity.name() + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (CompletionException e) {
            err.println(identity.name() + ": stopped serving: " + e.getCause().getMessage() + " (the log above says why)");
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

    private ServerConfig defaultConfig() throws ConfigException {
        ServerConfig config = defaultConfig.get();
        config.validate();
        return config;
    }

    private int usageError(PrintWriter err, String message) {
        return usageError(identity, err, message);
    }

    static int usageError(AgentIdentity identity, PrintWriter err, String message) {
        err.println(identity.name() + ": " + message);
        err.println("Try '" + identity.name() + " --help'.");
        return EXIT_USAGE;
    }

    /** Configures an {@link AcpLauncher}. */
    public static final class Builder {
        private String name;
        private String title;
        private String version;
        private Agent agent;
        private Supplier<ServerConfig> defaultConfig = new NoConfiguration();
        private boolean defaultConfigFixed = true;

        private Builder() {
        }

        /**
         * The agent's name ({@code agentInfo.name}): letters, digits, '.', '_' or '-'. It names the command
         * in messages and decides the default credential file, {@code $XDG_CONFIG_HOME/<name>/credentials.json}
         * (else {@code ~/.config/<name>/credentials.json}).
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The name users read ({@code agentInfo.title}) in sign-in pages and messages; default: the name.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /**
         * The agent's version ({@code agentInfo.version}, {@code --version}).
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(String value) {
            this.version = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The agent's prompt logic.
         *
         * @param value the agent
         * @return this builder
         */
        public Builder agent(Agent value) {
            this.agent = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The configuration used without {@code --config}; default: no auth methods.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder defaultConfig(ServerConfig value) {
            Objects.requireNonNull(value);
            this.defaultConfig = () -> value;
            this.defaultConfigFixed = false;
            return this;
        }

        /**
         * As {@link #defaultConfig(ServerConfig)}, made only when no {@code --config} is given.
         *
         * @param value makes the configuration
         * @return this builder
         */
        public Builder defaultConfig(Supplier<ServerConfig> value) {
            this.defaultConfig = Objects.requireNonNull(value);
            this.defaultConfigFixed = false;
            return this;
        }

        /** The built-in agent's configuration, a resource of acp4j's own jar: the same at every launch. */
        Builder builtInDefaultConfig() {
            this.defaultConfig = new BuiltInConfiguration();
            this.defaultConfigFixed = true;
            return this;
        }

        /**
         * The launcher.
         *
         * @return the launcher
         * @throws IllegalStateException when the name, version or agent is missing
         * @throws IllegalArgumentException when the name is not file-name-safe
         */
        public AcpLauncher build() {
            if (name == null || version == null || agent == null) {
                throw new IllegalStateException("an AcpLauncher needs name(), version() and agent()");
            }
            return new AcpLauncher(this);
        }
    }

    // Classes, not lambdas: a launch answered from the first-answer cache links no lambda before it answers.

    private static final class NoConfiguration implements Supplier<ServerConfig> {
        @Override
        public ServerConfig get() {
            return ServerConfig.empty("(no configuration)");
        }
    }

    private static final class BuiltInConfiguration implements Supplier<ServerConfig> {
        @Override
        public ServerConfig get() {
            return new ConfigLoader().loadDefault();
        }
    }
}
