package dev.acp4j.cli;

import dev.acp4j.auth.AgentIdentity;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The launcher's command line read by picocli: for help, version, the account actions and
 * anything {@link ServeArguments} leaves. A class of its own so that a plain launch, which
 * {@link ServeArguments} reads, loads no picocli class (they cannot be archived, and the first
 * one opens picocli's jar).
 */
final class CommandLineArguments {

    /**
     * What the parse gave: an exit status when the launch ends here (help, version, a usage
     * error), else the start parameters' values.
     */
    record Outcome(Integer exitStatus, Map<String, String> startValues) {
    }

    private CommandLineArguments() {
    }

    static Outcome parse(String[] args, AgentIdentity identity, String version, LauncherOptions options,
                         StartParameters startParameters, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(identity, version, options, out, err, startParameters);
        CommandLine.ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return exit(AcpLauncher.usageError(identity, err, e.getMessage()));
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return exit(AcpLauncher.EXIT_OK);
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            return exit(AcpLauncher.EXIT_OK);
        }
        if (options.actions() > 1) {
            return exit(AcpLauncher.usageError(identity, err, "choose one of " + LauncherOptions.LOGIN + ", "
                    + LauncherOptions.LOGOUT + ", " + LauncherOptions.STATUS));
        }
        if (options.force && options.login == null) {
            return exit(AcpLauncher.usageError(identity, err, LauncherOptions.FORCE + " goes with " + LauncherOptions.LOGIN));
        }
        return new Outcome(null, startParameters.values(parsed));
    }

    private static Outcome exit(int status) {
        return new Outcome(status, Map.of());
    }

    private static CommandLine commandLine(AgentIdentity identity, String version, LauncherOptions options,
                                           PrintWriter out, PrintWriter err, StartParameters startParameters) {
        CommandLine commandLine = new CommandLine(options);
        commandLine.getCommandSpec().name(identity.name()).version(identity.name() + " " + version);
        commandLine.getCommandSpec().usageMessage()
                .description(identity.displayName() + ": an Agent Client Protocol (ACP v1) agent. Editors launch it "
                                + "and talk JSON-RPC over stdin/stdout.",
                        "",
                        "Without an action (--login, --logout, --status) it serves ACP on stdin/stdout until stdin ends. "
                                + "Logs go to stderr.",
                        "Flags declared by start_param auth methods of the configuration are accepted too.")
                .footer("",
                        "Exit status:",
                        "  0  stdin ended, or the action succeeded",
                        "  1  a runtime failure, or a failed login",
                        "  2  a usage or configuration error");
        commandLine.setOut(out).setErr(err);
        startParameters.declare(commandLine.getCommandSpec());
        return commandLine;
    }
}
