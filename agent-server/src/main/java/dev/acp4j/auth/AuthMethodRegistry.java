package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import dev.acp4j.protocol.auth.AuthEnvVar;
import dev.acp4j.protocol.auth.AuthMethod;
import dev.acp4j.protocol.auth.AuthStartParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured auth methods, in preference order, and their wire descriptors. */
public final class AuthMethodRegistry {

    /** The argument a terminal method appends to the agent's launch command. */
    public static final String LOGIN_FLAG = "--login";

    /** Zed's key, in {@code clientCapabilities._meta} and in a terminal method's {@code _meta}. */
    public static final String TERMINAL_AUTH_META = "terminal-auth";

    private final List<AuthMethodConfig> methods;
    private final LaunchEnvironment launch;
    private final LoginCommand loginCommand;

    /**
     * A registry whose agent's login command is unknown (no terminal methods for Zed's {@code terminal-auth}).
     *
     * @param methods the configured methods, in preference order
     * @param launch the environment and start parameters of this process
     */
    public AuthMethodRegistry(List<AuthMethodConfig> methods, LaunchEnvironment launch) {
        this(methods, launch, null);
    }

    /**
     * A registry whose agent can log in from a terminal with {@code loginCommand}.
     *
     * @param methods the configured methods, in preference order
     * @param launch the environment and start parameters of this process
     * @param loginCommand how a terminal runs this agent's login, or null when unknown
     */
    public AuthMethodRegistry(List<AuthMethodConfig> methods, LaunchEnvironment launch, LoginCommand loginCommand) {
        this.methods = List.copyOf(methods);
        this.launch = launch;
        this.loginCommand = loginCommand;
    }

    /** {@return how a terminal runs this agent's login, when known} */
    public Optional<LoginCommand> loginCommand() {
        return Optional.ofNullable(loginCommand);
    }

    /** {@return every configured method, in preference order} */
    public List<AuthMethodConfig> all() {
        return methods;
    }

    /** {@return whether no method is configured (nothing is gated)} */
    public boolean isEmpty() {
        return methods.isEmpty();
    }

    /**
     * The method with the given id.
     *
     * @param id a method id, e.g. from {@code authenticate}
     * @return the method, if configured
     */
    public Optional<AuthMethodConfig> find(String id) {
        return methods.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** {@return the ids of the configured methods, in preference order} */
    public List<String> ids() {
        return methods.stream().map(AuthMethodConfig::id).toList();
    }

    /** {@return the environment and start parameters of this process} */
    public LaunchEnvironment launch() {
        return launch;
    }

    /**
     * The names of the required values of an env_var/start_param method absent in this process.
     *
     * @param method the method
     * @return the variable or flag names; empty when nothing is missing
     */
    public List<String> missingValues(AuthMethodConfig method) {
        List<String> missing = new ArrayList<>();
        for (CredentialInput input : method.inputs()) {
            if (!input.optional() && launch.value(method.type(), input).isEmpty()) {
                missing.add(input.name());
            }
        }
        return missing;
    }

    /**
     * Why the value of {@code inputName} (a start parameter naming a file) cannot be read, if it cannot.
     *
     * @param method the method declaring the input
     * @param inputName the input's name
     * @return the problem, for the user
     */
    public Optional<String> launchProblem(AuthMethodConfig method, String inputName) {
        return method.inputs().stream().filter(i -> i.name().equals(inputName)).findFirst()
                .flatMap(input -> launch.problem(method.type(), input));
    }

    /**
     * Whether {@code client} is offered terminal methods: it sent {@code auth.terminal: true}, or
     * Zed's {@code _meta["terminal-auth"]: true} and this agent knows its own login command.
     *
     * @param client what the client advertised
     * @return true when terminal methods are offered
     */
    public boolean offersTerminalMethods(ClientAbilities client) {
        return client.canRunTerminalAuth() || client.asksForTerminalAuthMeta() && loginCommand != null;
    }

    /**
     * {@code authMethods} for {@code initialize}; terminal methods only for clients that run them.
     *
     * @param client what the client advertised
     * @return the descriptors, in preference order
     */
    public List<AuthMethod> advertised(ClientAbilities client) {
        boolean meta = client.asksForTerminalAuthMeta() && loginCommand != null;
        List<AuthMethod> wire = new ArrayList<>();
        for (AuthMethodConfig method : methods) {
            if (method.type() != AuthMethodType.TERMINAL) {
                wire.add(descriptor(method));
            } else if (offersTerminalMethods(client)) {
                wire.add(terminal(method, meta ? Map.of(TERMINAL_AUTH_META, terminalAuthMeta(method)) : null));
            }
        }
        return wire;
    }

    /**
     * Zed's descriptor: the launcher, the launch arguments a login needs, then {@code --login} and
     * the method's args when they start with the method to log in with, else {@code --login} and
     * this terminal method's id (which logs in as {@code --login} alone does) and its args.
     */
    private Map<String, Object> terminalAuthMeta(AuthMethodConfig method) {
        List<String> args = method.args();
        boolean namesAMethod = !args.isEmpty() && !args.get(0).startsWith("-");
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("label", method.name());
        descriptor.put("command", loginCommand.command().toString());
        descriptor.put("args", namesAMethod ? loginCommand.argsFor(args.get(0), args.subList(1, args.size()))
                : loginCommand.argsFor(method.id(), args));
        Map<String, String> env = new LinkedHashMap<>(loginCommand.env());
        env.putAll(method.env());
        descriptor.put("env", env);
        return descriptor;
    }

    /**
     * The wire descriptor of a configured method.
     *
     * @param method the method
     * @return its {@code authMethods} entry
     */
    public AuthMethod descriptor(AuthMethodConfig method) {
        return switch (method.type()) {
            case API_KEY_PAGE, OAUTH2 -> new AuthMethod.Agent(method.id(), method.name(), method.description(), null);
            case TERMINAL -> terminal(method, null);
            case ENV_VAR -> new AuthMethod.EnvVar(method.id(), method.name(), method.description(),
                    method.inputs().stream().map(i -> new AuthEnvVar(i.name(), i.label(),
                            i.secret() ? null : Boolean.FALSE, i.optional() ? Boolean.TRUE : null, null)).toList(),
                    method.link(), !missingValues(method).isEmpty(), null);
            case START_PARAM -> new AuthMethod.StartParam(method.id(), method.name(), method.description(),
                    method.inputs().stream().map(i -> new AuthStartParam(i.name(), i.label(),
                            i.secret() ? null : Boolean.FALSE, i.optional() ? Boolean.TRUE : null, null)).toList(),
                    method.link(), !missingValues(method).isEmpty(), null);
        };
    }

    private static AuthMethod.Terminal terminal(AuthMethodConfig method, Map<String, Object> meta) {
        return new AuthMethod.Terminal(method.id(), method.name(), method.description(),
                terminalArgs(method), method.env().isEmpty() ? null : method.env(), meta);
    }

    private static List<String> terminalArgs(AuthMethodConfig method) {
        List<String> args = new ArrayList<>();
        args.add(LOGIN_FLAG);
        args.addAll(method.args());
        return args;
    }
}
