package dev.acp4j.conformance.report;

import java.util.Locale;

/** Renders a run as the stdout table: id, level, status, reason; then one summary line. */
public final class TableReport {

    private TableReport() {
    }

    public static String render(RunReport report) {
        int idWidth = Math.max(14, report.verdicts().stream().mapToInt(v -> v.requirement().id().length())
                .max().orElse(0));
        String format = "%-" + idWidth + "s  %-9s  %-6s %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "REQUIREMENT", "LEVEL", "STATUS", "REASON"));
        for (Verdict verdict : report.verdicts()) {
            out.append(String.format(Locale.ROOT, format, verdict.requirement().id(),
                    verdict.requirement().level(), verdict.status(), verdict.reason()));
        }
        out.append(summary(report)).append(System.lineSeparator());
        return out.toString();
    }

    public static String summary(RunReport report) {
        long blocking = report.blockingFailures().size();
        long unanswered = report.unansweredScenarios();
        String silence = unanswered == 0 ? ""
                : unanswered == report.scenarios().size()
                ? "; the agent never answered (in any of the " + unanswered + " scenarios: did it start?)"
                : "; the agent never answered in " + unanswered + " of " + report.scenarios().size() + " scenarios";
        return String.format(Locale.ROOT,
                "SUMMARY: %d requirement(s): %d PASS, %d FAIL (%d blocking), %d SKIP; %d scenarios in %.1f s%s; %s",
                report.verdicts().size(), report.count(Status.PASS), report.count(Status.FAIL), blocking,
                report.count(Status.SKIP), report.scenarios().size(), report.millis() / 1000.0, silence,
                blocking == 0 ? "CONFORMANT (exit 0)" : "NOT CONFORMANT (exit 1)");
    }
}
