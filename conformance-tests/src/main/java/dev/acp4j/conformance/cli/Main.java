package dev.acp4j.conformance.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** {@code java -jar acp4j-conformance.jar [options] -- AGENT_CMD [ARGS...]} */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /**
     * Runs the harness in-process.
     *
     * @return 0 iff no REQUIRED requirement failed; 1 when one did; 2 on a usage error
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ConformanceCommand(out, err))
                .setStopAtPositional(true)
                .setOut(out)
                .setErr(err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
