package dev.acp4j.cli;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import dev.acp4j.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The command-line flags that the configuration's {@code start_param} methods declare. */
final class StartParameters {

    private final List<CredentialInput> inputs;
    private final Map<String, String> methodOf = new LinkedHashMap<>();

    StartParameters(ServerConfig config) {
        if (config == null) {
            inputs = List.of();
            return;
        }
        List<CredentialInput> declared = new ArrayList<>();
        for (AuthMethodConfig method : config.authMethods()) {
            if (method.type() == AuthMethodType.START_PARAM) {
                for (CredentialInput input : method.inputs()) {
                    declared.add(input);
                    methodOf.putIfAbsent(input.name(), method.id());
                }
            }
        }
        inputs = List.copyOf(declared);
    }

    /** The declared flags. */
    Set<String> names() {
        return methodOf.keySet();
    }

    /** Adds one option per declared flag (once, however many methods share it). */
    void declare(CommandSpec spec) {
        for (CredentialInput input : inputs) {
            if (spec.findOption(input.name()) != null) {
                continue;
            }
            spec.addOption(OptionSpec.builder(input.name())
                    .paramLabel(input.secret() ? "FILE" : "VALUE")
                    .type(String.class)
                    .description(description(input, methodOf.get(input.name())))
                    .build());
        }
    }

    /** e.g. "Path to a file holding the key (auth method 'openai-file')"; a secret's FILE is said once. */
    static String description(CredentialInput input, String methodId) {
        String label = input.label() == null ? input.name() : input.label();
        boolean saysFile = label.toLowerCase(java.util.Locale.ROOT).contains("file");
        return label + (input.secret() && !saysFile ? ": FILE holds the value" : "")
                + " (auth method '" + methodId + "')";
    }

    Map<String, String> values(CommandLine.ParseResult parsed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CredentialInput input : inputs) {
            String value = parsed.matchedOptionValue(input.name(), null);
            if (value != null) {
                values.put(input.name(), value);
            }
        }
        return values;
    }

    /** The value of {@code --config}, read before the real parse. */
    static Path configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    static boolean asksForHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return true;
            }
        }
        return false;
    }
}
