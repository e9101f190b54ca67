package dev.acp4j.auth;

import dev.acp4j.protocol.auth.AuthEnvVar;
import dev.acp4j.protocol.auth.AuthMethod;
import dev.acp4j.protocol.auth.AuthStartParam;
import dev.acp4j.server.config.AuthMethodConfig;
import dev.acp4j.server.config.AuthMethodType;
import dev.acp4j.server.config.CredentialInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The configured auth methods, in preference order, and their wire descriptors. */
public final class AuthMethodRegistry {

    /** The argument a terminal method appends to the agent's launch command. */
    public static final String LOGIN_FLAG = "--login";

    private final List<AuthMethodConfig> methods;
    private final LaunchEnvironment launch;

    public AuthMethodRegistry(List<AuthMethodConfig> methods, LaunchEnvironment launch) {
        this.methods = List.copyOf(methods);
        this.launch = launch;
    }

    public List<AuthMethodConfig> all() {
        return methods;
    }

    public boolean isEmpty() {
        return methods.isEmpty();
    }

    public Optional<AuthMethodConfig> find(String id) {
        return methods.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return methods.stream().map(AuthMethodConfig::id).toList();
    }

    public LaunchEnvironment launch() {
        return launch;
    }

    /** The names of the required values of an env_var/start_param method absent in this process. */
    public List<String> missingValues(AuthMethodConfig method) {
        List<String> missing = new ArrayList<>();
        for (CredentialInput input : method.inputs()) {
            if (!input.optional() && launch.value(method.type(), input).isEmpty()) {
                missing.add(input.name());
            }
        }
        return missing;
    }

    /** Why the value of {@code inputName} (a start parameter naming a file) cannot be read, if it cannot. */
    public Optional<String> launchProblem(AuthMethodConfig method, String inputName) {
        return method.inputs().stream().filter(i -> i.name().equals(inputName)).findFirst()
                .flatMap(input -> launch.problem(method.type(), input));
    }

    /** {@code authMethods} for {@code initialize}; terminal methods only for clients that run them. */
    public List<AuthMethod> advertised(boolean clientRunsTerminalAuth) {
        List<AuthMethod> wire = new ArrayList<>();
        for (AuthMethodConfig method : methods) {
            if (method.type() == AuthMethodType.TERMINAL && !clientRunsTerminalAuth) {
                continue;
            }
            wire.add(descriptor(method));
        }
        return wire;
    }

    public AuthMethod descriptor(AuthMethodConfig method) {
        return switch (method.type()) {
            case API_KEY_PAGE, OAUTH2 -> new AuthMethod.Agent(method.id(), method.name(), method.description(), null);
            case TERMINAL -> new AuthMethod.Terminal(method.id(), method.name(), method.description(),
                    terminalArgs(method), method.env().isEmpty() ? null : method.env(), null);
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

    private static List<String> terminalArgs(AuthMethodConfig method) {
        List<String> args = new ArrayList<>();
        args.add(LOGIN_FLAG);
        args.addAll(method.args());
        return args;
    }
}
