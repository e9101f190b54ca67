package dev.acp4j.cli;

import dev.acp4j.server.AcpServer;
import dev.acp4j.server.ServerVersion;
import dev.acp4j.server.TraceFile;
import dev.acp4j.server.config.ConfigException;
import dev.acp4j.server.config.ConfigLoader;
import dev.acp4j.server.config.ServerConfig;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
            "Without --login it serves ACP on stdin/stdout until stdin ends. Logs go to stderr."},
        footer = {"", "Exit status: 0 on stdin EOF or a successful login; 1 on a failed login or a runtime failure;",
            "2 on a usage or configuration error."})
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON configuration (auth methods, credential store). {} means: built-in agent, "
                    + "no auth methods. Default: the built-in configuration.")
    Path config;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write every line in and out, with direction and timestamp, to FILE.")
    Path trace;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "33554432",
            description = "Largest accepted incoming message in bytes (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "stderr log level: error, warn, info, debug, trace (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    public static void main(String[] args) {
        System.exit(run(args, new FileInputStream(FileDescriptor.in),
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
    }

    static int run(String[] args, java.io.InputStream stdin, OutputStream stdout) {
        PrintStream stderr = System.err;
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main);
        commandLine.getCommandSpec().version("acp4j " + ServerVersion.VERSION);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        commandLine.setOut(out).setErr(err);
        try {
            commandLine.parseArgs(args);
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
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", main.logLevel);
        System.setOut(stderr);
        return main.serve(stdin, stdout, err);
    }

    private int serve(java.io.InputStream stdin, OutputStream stdout, PrintWriter err) {
        ServerConfig serverConfig;
        try {
            serverConfig = config == null ? new ConfigLoader().loadDefault() : new ConfigLoader().load(config);
        } catch (ConfigException e) {
            err.println("acp4j: " + e.getMessage());
            return EXIT_USAGE;
        }
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
                    .maxLineBytes(maxLineBytes)
                    .trace(traceFile)
                    .build();
            server.serve(stdin, stdout);
            return EXIT_OK;
        } catch (IOException e) {
            err.println("acp4j: " + e.getMessage());
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
