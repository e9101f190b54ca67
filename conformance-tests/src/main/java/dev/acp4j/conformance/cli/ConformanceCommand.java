package dev.acp4j.conformance.cli;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.LaunchSpec;
import dev.acp4j.conformance.report.JsonReport;
import dev.acp4j.conformance.report.RunReport;
import dev.acp4j.conformance.report.TableReport;
import dev.acp4j.conformance.run.Harness;
import dev.acp4j.conformance.run.HarnessSettings;
import dev.acp4j.conformance.schema.OfficialSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The command line: options into {@link HarnessSettings}, a run, the table and the report. */
@Command(name = "acp4j-conformance", mixinStandardHelpOptions = true, version = "acp4j-conformance 0.1.0",
        sortOptions = false,
        description = {
            "Launches an Agent Client Protocol (ACP v1) agent over stdio, a fresh process per scenario, "
                    + "drives it with raw JSON-RPC and reports PASS/FAIL/SKIP per requirement.",
            "Exit status: 0 iff no REQUIRED requirement fails (nor an EXTENSION one with "
                    + "--strict-extensions), 1 otherwise, 2 on a usage error."},
        customSynopsis = "java -jar acp4j-conformance.jar [OPTIONS] -- AGENT_CMD [ARGS...]")
final class ConformanceCommand implements Callable<Integer> {

    private final PrintWriter out;
    private final PrintWriter err;

    @Spec
    CommandSpec spec;

    @Option(names = "--response-timeout", paramLabel = "MS", defaultValue = "10000",
            description = "Longest wait for any one response (default: ${DEFAULT-VALUE}).")
    long responseTimeout;

    @Option(names = "--turn-timeout", paramLabel = "MS", defaultValue = "20000",
            description = "Longest wait for a prompt turn or an authenticate to end (default: ${DEFAULT-VALUE}).")
    long turnTimeout;

    @Option(names = "--scenario-timeout", paramLabel = "MS", defaultValue = "60000",
            description = "Longest a scenario may run before the agent's process tree is killed "
                    + "(default: ${DEFAULT-VALUE}).")
    long scenarioTimeout;

    @Option(names = "--auth-method", paramLabel = "ID",
            description = "Authenticate with this method id before session scenarios.")
    String authMethod;

    @Option(names = "--auth-secret", paramLabel = "VALUE",
            description = "When --auth-method is an agent-type method (it signs in through a URL): the value "
                    + "the harness's scripted browser enters on that page, e.g. a test API key. Without it the "
                    + "harness declines the URL elicitation and skips the checks that need a session.")
    String authSecret;

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "Add an environment variable to the agent (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--inherit-home",
            description = "Keep the harness's HOME; by default the agent gets an empty temporary HOME "
                    + "with XDG_CONFIG_HOME inside it.")
    boolean inheritHome;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Also write the report as JSON here.")
    Path reportJson;

    @Option(names = "--official-schema", paramLabel = "PATH",
            description = "The official ACP v1 schema.json (default: " + OfficialSchema.DEFAULT_RELATIVE
                    + " relative to the working directory or one of its parents; schema checks are skipped "
                    + "when absent).")
    Path officialSchema;

    @Option(names = "--only", paramLabel = "ID", description = "Run only this requirement (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "Hello",
            description = "Prompt text for the ordinary prompt turn (default: ${DEFAULT-VALUE}).")
    String prompt;

    @Option(names = "--long-prompt", paramLabel = "TEXT", defaultValue = "/stream 200",
            description = "Prompt text that starts a long turn, for the cancellation check (default: "
                    + "${DEFAULT-VALUE}).")
    String longPrompt;

    @Option(names = "--strict-extensions", description = "EXTENSION failures fail the run too.")
    boolean strictExtensions;

    @Option(names = "--stderr-budget", paramLabel = "BYTES", defaultValue = "65536",
            description = "Advisory limit on the agent's stderr volume over the run (default: ${DEFAULT-VALUE}).")
    long stderrBudget;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Scenarios run at once, each with its own agent process (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--transcripts", paramLabel = "DIR",
            description = "Write each scenario's conversation (both directions, timestamped) to DIR/NAME.log.")
    Path transcripts;

    @Option(names = "--list", description = "Print the requirement catalog and exit.")
    boolean list;

    @Parameters(paramLabel = "AGENT_CMD", arity = "0..*", description = "The agent command and its arguments.")
    List<String> agentCommand = new ArrayList<>();

    ConformanceCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            printCatalog();
            return 0;
        }
        HarnessSettings settings = settings();
        RunReport report = new Harness(settings).run();
        out.print(TableReport.render(report));
        out.flush();
        if (reportJson != null) {
            JsonReport.write(report, reportJson);
        }
        return report.exitCode();
    }

    private HarnessSettings settings() {
        if (agentCommand.isEmpty()) {
            throw usage("missing AGENT_CMD (put it after --)");
        }
        if (responseTimeout <= 0 || turnTimeout <= 0 || scenarioTimeout <= 0 || jobs <= 0) {
            throw usage("timeouts and --jobs must be positive");
        }
        if (authSecret != null && authMethod == null) {
            throw usage("--auth-secret needs --auth-method");
        }
        List<Requirement> selected = new ArrayList<>();
        for (String id : only) {
            selected.add(Catalog.byId(id).orElseThrow(() -> usage("unknown requirement id '" + id
                    + "' (see --list)")));
        }
        return new HarnessSettings(
                new LaunchSpec(agentCommand, env, !inheritHome, null),
                responseTimeout, turnTimeout, scenarioTimeout, authMethod, prompt, longPrompt, schema(),
                selected.isEmpty() ? Catalog.all() : selected, stderrBudget, strictExtensions, jobs, transcripts,
                authSecret, null);
    }

    private OfficialSchema schema() {
        Path path = officialSchema;
        if (path == null) {
            path = OfficialSchema.discover(Path.of("")).orElse(null);
            if (path == null) {
                err.println("acp4j-conformance: official schema not found (" + OfficialSchema.DEFAULT_RELATIVE
                        + "); schema checks skipped");
                return null;
            }
        } else if (!Files.isRegularFile(path)) {
            throw usage("--official-schema " + path + " is not a file");
        }
        try {
            return OfficialSchema.load(path);
        } catch (IOException | RuntimeException e) {
            throw usage("cannot read the official schema " + path + ": " + e.getMessage());
        }
    }

    private void printCatalog() {
        String format = "%-36s  %-9s  %s%n%38s%s%n";
        for (Requirement r : Catalog.all()) {
            out.printf(format, r.id(), r.level(), r.checks(), "", "source: " + r.source());
        }
        out.flush();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
