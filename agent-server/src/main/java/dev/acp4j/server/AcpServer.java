package dev.acp4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.auth.AgentIdentity;
import dev.acp4j.auth.AuthContext;
import dev.acp4j.auth.AuthMethodRegistry;
import dev.acp4j.auth.AuthService;
import dev.acp4j.auth.CredentialResolver;
import dev.acp4j.auth.LaunchEnvironment;
import dev.acp4j.auth.LoginCommand;
import dev.acp4j.auth.OAuthRevoker;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.OAuthTokenRefresher;
import dev.acp4j.auth.SessionSignIn;
import dev.acp4j.auth.interaction.Browser;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.jsonrpc.JsonRpcConnection;
import dev.acp4j.jsonrpc.MethodTable;
import dev.acp4j.jsonrpc.TraceSink;
import dev.acp4j.mcp.McpServers;
import dev.acp4j.protocol.initialization.Implementation;
import dev.acp4j.protocol.initialization.InitializeCodec;
import dev.acp4j.protocol.initialization.PromptCapabilities;
import dev.acp4j.server.builtin.BuiltinAgent;
import dev.acp4j.server.config.McpSignInMode;
import dev.acp4j.server.config.ServerConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ACP agent server: give it an {@link Agent} and a configuration, then {@link #serve} a
 * client over a stream pair (stdin/stdout for a launched agent).
 *
 * <pre>{@code
 * AcpServer.builder().agent(turn -> { turn.sendText("hi"); return StopReason.END_TURN; })
 *          .build().serve(System.in, stdout);
 * }</pre>
 */
public final class AcpServer {

    private final Agent agent;
    private final ServerConfig config;
    private final Implementation agentInfo;
    private final AgentIdentity identity;
    private final LaunchEnvironment launch;
    private final LoginCommand loginCommand;
    private final int maxLineBytes;
    private final TraceSink trace;
    private final Duration cancelGrace;
    private final boolean earlyInitialize;
    private final FirstAnswerRecord firstAnswer;

    private AcpServer(Builder b) {
        this.agent = b.agent;
        this.config = b.config;
        this.agentInfo = b.agentInfo;
        this.identity = new AgentIdentity(b.agentInfo.name(), b.agentInfo.title());
        this.launch = b.launch;
        this.loginCommand = b.loginCommand;
        this.maxLineBytes = b.maxLineBytes;
        this.trace = b.trace;
        this.cancelGrace = b.cancelGrace;
        this.earlyInitialize = b.earlyInitialize;
        this.firstAnswer = b.firstAnswer;
    }

    /**
     * A builder whose every setting has a working default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Serves one client until its input ends; returns once the connection has closed.
     *
     * @param in the client's messages, newline-delimited JSON-RPC (the agent's stdin)
     * @param out where every message to the client is written, and nothing else (the agent's stdout)
     * @throws java.util.concurrent.CompletionException when the connection's read loop failed
     */
    public void serve(InputStream in, OutputStream out) {
        ClientState client = new ClientState();
        AuthMethodRegistry registry = new AuthMethodRegistry(config.authMethods(), launch, loginCommand);
        Initialization initialization = new Initialization(client, agentInfo, registry::advertised,
                new PromptCapabilities(agent.acceptsImages(), agent.acceptsAudio(), true, null));
        // The first answer before the mapper exists; another thread may be creating it meanwhile (WarmUp).
        InputStream input = earlyInitialize || firstAnswer != null
                ? EarlyInitialize.answerFirstLine(initialization, in, out, maxLineBytes, trace, firstAnswer) : in;
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        SessionService sessions = null;
        try {
            AuthContext auth = authContext(registry);
            ObjectMapper mapper = auth.mapper();
            AuthService authService = new AuthService(auth, client);
            SessionRecorder recorder = new SessionRecorder(config.sessionStore(), launch.env(), agentInfo.name(), mapper);
            MethodTable methods = new MethodTable();
            initialization.register(methods);
            authService.register(methods);
            sessions = new SessionService(agent, client, authService.gate(), auth.resolver(),
                    new McpServers(auth.store(), auth.clock(), auth.elicitationTimeout(), identity,
                            config.mcpClients()), executor, cancelGrace,
                    recorder,
                    new SessionSignIn(auth), config.configOptionProviders(), config.mcpSignIn() == McpSignInMode.EAGER);
            sessions.register(methods);
            JsonRpcConnection connection = JsonRpcConnection.builder(input, out)
                    .mapper(mapper)
                    .methods(methods)
                    .executor(executor)
                    .trace(trace)
                    .maxLineBytes(maxLineBytes)
                    .directCodec(InitializeCodec.INSTANCE)
                    // What the client reads of a session is in its store first.
                    .beforeWrite(recorder::flush)
                    .build();
            connection.start().closed().join();
        } finally {
            if (sessions != null) {
                sessions.closeAll();
            }
            executor.shutdownNow();
        }
    }

    private AuthContext authContext(AuthMethodRegistry registry) {
        CredentialStore store = new CredentialStore(config.credentialStore() != null
                ? config.credentialStore() : identity.defaultCredentialFile(launch.env()));
        Clock clock = Clock.systemUTC();
        CredentialResolver resolver = new CredentialResolver(registry, store, new OAuthTokenRefresher(store, clock));
        OAuthRevoker revoker = new OAuthRevoker();
        OAuthSignIn signIn = new OAuthSignIn(store, clock, launch.env(), identity);
        // Only now the mapper, which the warm-up thread may still be creating: the store's first
        // logger (slf4j's set-up) is this thread's work meanwhile.
        ObjectMapper mapper = Json.shared();
        return new AuthContext(registry, store, resolver, revoker, signIn, mapper, clock, config.elicitationTimeout(),
                () -> Browser.of(launch.env()), identity);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "acp4j-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures a server; every setting has a working default. */
    public static final class Builder {
        private Agent agent = new BuiltinAgent();
        private ServerConfig config = ServerConfig.empty("(none)");
        private Implementation agentInfo = Implementation.of("acp4j", "acp4j", ServerVersion.VERSION);
        private LaunchEnvironment launch = LaunchEnvironment.of(System.getenv());
        private LoginCommand loginCommand;
        private int maxLineBytes = JsonRpcConnection.DEFAULT_MAX_LINE_BYTES;
        private TraceSink trace = TraceSink.NONE;
        private Duration cancelGrace = Duration.ofSeconds(2);
        private boolean earlyInitialize = true;
        private FirstAnswerRecord firstAnswer;

        private Builder() {
        }

        /**
         * The prompt logic; by default the built-in agent.
         *
         * @param value the agent
         * @return this builder
         */
        public Builder agent(Agent value) {
            this.agent = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The auth methods, credential store and elicitation timeout (default: none, the default store).
         *
         * @param value the configuration, e.g. from {@code ConfigLoader}
         * @return this builder
         */
        public Builder config(ServerConfig value) {
            this.config = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Name, title and version sent as {@code agentInfo}. The name also decides the default credential
         * file ({@code $XDG_CONFIG_HOME/<name>/credentials.json}, else {@code ~/.config/<name>/credentials.json})
         * and which stored credentials {@code logout} erases; the title (else the name) is what sign-in
         * pages and messages call the agent. Default: {@code acp4j}.
         *
         * @param name the programmatic name ({@code agentInfo.name})
         * @param title the name users read ({@code agentInfo.title}), or null for the name
         * @param version the agent's version ({@code agentInfo.version})
         * @return this builder
         * @throws IllegalArgumentException when the name is not letters, digits, '.', '_' or '-'
         */
        public Builder agentInfo(String name, String title, String version) {
            new AgentIdentity(name, title);
            this.agentInfo = Implementation.of(name, title, version);
            return this;
        }

        /**
         * The environment and start-parameter values auth methods read (default: this process's).
         *
         * @param env the environment variables
         * @param startParams the values of {@code start_param} flags, by flag name
         * @return this builder
         */
        public Builder launch(Map<String, String> env, Map<String, String> startParams) {
            this.launch = new LaunchEnvironment(env, startParams);
            return this;
        }

        /**
         * How a terminal runs this agent's own login ({@code command args... --login METHOD_ID}; see
         * {@link LoginCommand}). With it, clients that send Zed's {@code clientCapabilities._meta["terminal-auth"]} get each
         * {@code terminal} method with its {@code _meta["terminal-auth"]} descriptor, and sign-in
         * errors name the command. Without it (the default) such clients get no terminal method.
         *
         * @param value the command, or null for none
         * @return this builder
         */
        public Builder loginCommand(LoginCommand value) {
            this.loginCommand = value;
            return this;
        }

        /**
         * The largest message accepted; a longer line is answered -32600 and skipped unbuffered.
         *
         * @param value the limit in bytes (default 32 MiB)
         * @return this builder
         */
        public Builder maxLineBytes(int value) {
            this.maxLineBytes = value;
            return this;
        }

        /**
         * Observes every line in and out.
         *
         * @param value the observer, e.g. a {@code --trace} file; null for none
         * @return this builder
         */
        public Builder trace(TraceSink value) {
            this.trace = value == null ? TraceSink.NONE : value;
            return this;
        }

        /**
         * How long a cancelled turn may run on before the server answers {@code cancelled} itself.
         *
         * @param value the grace period (default 2 s)
         * @return this builder
         */
        public Builder cancelGrace(Duration value) {
            this.cancelGrace = Objects.requireNonNull(value);
            return this;
        }

        /** Whether a first-line {@code initialize} is answered before the connection exists (tests compare both). */
        Builder earlyInitialize(boolean value) {
            this.earlyInitialize = value;
            return this;
        }

        /**
         * What the launcher knows of the first answer ({@link FirstAnswerRecord}): an answer it
         * already wrote, and where the server's first answer is kept for the next launch. Only
         * for a server that serves the launch's stdin.
         *
         * @param value the record, or null (the default) for none
         * @return this builder
         */
        public Builder firstAnswerRecord(FirstAnswerRecord value) {
            this.firstAnswer = value;
            return this;
        }

        /**
         * The server, ready to {@link AcpServer#serve serve}.
         *
         * @return a new server with these settings
         */
        public AcpServer build() {
            return new AcpServer(this);
        }
    }
}
