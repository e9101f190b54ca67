package dev.acp4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.conformance.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** One in-process harness run, with its exit code, stdout, stderr and parsed JSON report. */
public record HarnessRun(int exitCode, String out, String err, JsonNode report) {

    /** Generous for a loaded build machine: only failure paths ever wait this long. */
    static final String TEST_RESPONSE_TIMEOUT = "15000";

    public static HarnessRun run(Path reportFile, List<String> options, List<String> agentCommand) throws IOException {
        List<String> args = new ArrayList<>(options);
        if (!options.contains("--response-timeout")) {
            args.addAll(List.of("--response-timeout", TEST_RESPONSE_TIMEOUT));
        }
        args.add("--report-json");
        args.add(reportFile.toString());
        args.add("--");
        args.addAll(agentCommand);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        JsonNode report = Files.exists(reportFile) ? new ObjectMapper().readTree(reportFile.toFile()) : null;
        return new HarnessRun(code, out.toString(), err.toString(), report);
    }

    /** Requirement id to status, from the JSON report. */
    public Map<String, String> statuses() {
        return StreamSupport.stream(report.path("results").spliterator(), false)
                .collect(Collectors.toMap(r -> r.path("id").asText(), r -> r.path("status").asText()));
    }

    /** Ids of results with the given status (and level, when not null). */
    public List<String> ids(String status, String level) {
        return StreamSupport.stream(report.path("results").spliterator(), false)
                .filter(r -> r.path("status").asText().equals(status))
                .filter(r -> level == null || r.path("level").asText().equals(level))
                .map(r -> r.path("id").asText()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n" + out + err;
    }
}
