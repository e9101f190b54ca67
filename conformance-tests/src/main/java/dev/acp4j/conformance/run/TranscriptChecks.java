package dev.acp4j.conformance.run;

import static dev.acp4j.conformance.catalog.Catalog.ERROR_MESSAGE_SINGLE_LINE;
import static dev.acp4j.conformance.catalog.Catalog.RESULT_XOR_ERROR;
import static dev.acp4j.conformance.catalog.Catalog.STDERR_VOLUME;
import static dev.acp4j.conformance.catalog.Catalog.STDOUT_ONLY_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.report.Verdicts;
import java.util.ArrayList;
import java.util.List;

/** The JSON-RPC requirements judged over every scenario's stdout (and stderr volume) together. */
public final class TranscriptChecks {

    private TranscriptChecks() {
    }

    public static Verdicts judge(List<ScenarioOutcome> outcomes, long stderrBudgetBytes) {
        Verdicts verdicts = new Verdicts();
        if (outcomes.isEmpty()) {
            List.of(STDOUT_ONLY_JSON, RESULT_XOR_ERROR, ERROR_MESSAGE_SINGLE_LINE, STDERR_VOLUME)
                    .forEach(r -> verdicts.skip(r, "no scenario ran"));
            return verdicts;
        }
        List<String> notJsonRpc = new ArrayList<>();
        List<String> notXor = new ArrayList<>();
        List<String> multiLine = new ArrayList<>();
        long lines = 0;
        long responses = 0;
        long errors = 0;
        for (ScenarioOutcome outcome : outcomes) {
            for (Inbound in : outcome.stdout()) {
                lines++;
                String where = " [" + outcome.name() + "]";
                if (in.kind() == Inbound.Kind.NOT_JSON_RPC) {
                    notJsonRpc.add(quote(in.raw()) + where);
                    continue;
                }
                if (!in.isResponse()) {
                    continue;
                }
                responses++;
                String problem = resultXorError(in.json());
                if (problem != null) {
                    notXor.add(problem + ": " + Json.brief(in.json()) + where);
                }
                JsonNode message = in.json().path("error").path("message");
                if (message.isTextual()) {
                    errors++;
                    if (message.asText().contains("\n") || message.asText().contains("\r")) {
                        multiLine.add(quote(message.asText()) + where);
                    }
                }
            }
        }
        // A check with nothing to look at was not exercised: "0 lines, all JSON-RPC" would be vacuous.
        boolean silent = ScenarioOutcome.noneAnswered(outcomes);
        String neverAnswered = neverAnswered(outcomes);
        if (lines == 0) {
            verdicts.fail(STDOUT_ONLY_JSON, neverAnswered);
        } else {
            verdicts.judge(STDOUT_ONLY_JSON, notJsonRpc, lines + " stdout lines, all JSON-RPC 2.0 objects",
                    " of " + lines + " stdout lines are not JSON-RPC 2.0 objects, first: ");
        }
        if (responses == 0) {
            verdicts.fail(RESULT_XOR_ERROR, neverAnswered);
        } else {
            verdicts.judge(RESULT_XOR_ERROR, notXor, responses + " responses, each with exactly one of result/error",
                    " of " + responses + " responses are malformed, first: ");
        }
        if (silent) {
            verdicts.fail(ERROR_MESSAGE_SINGLE_LINE, neverAnswered);
            verdicts.fail(STDERR_VOLUME, neverAnswered);
            return verdicts;
        }
        if (errors == 0) {
            verdicts.skip(ERROR_MESSAGE_SINGLE_LINE, "the agent sent no error message to check");
        } else {
            verdicts.judge(ERROR_MESSAGE_SINGLE_LINE, multiLine, errors + " error messages, all single-line",
                    " of " + errors + " error messages span lines, first: ");
        }
        long stderr = outcomes.stream().mapToLong(ScenarioOutcome::stderrBytes).sum();
        String volume = stderr + " bytes on stderr over " + outcomes.size() + " agent processes (budget "
                + stderrBudgetBytes + ")";
        if (stderr <= stderrBudgetBytes) {
            verdicts.pass(STDERR_VOLUME, volume);
        } else {
            verdicts.fail(STDERR_VOLUME, volume);
        }
        return verdicts;
    }

    /** "the agent never answered" in any scenario: 0 stdout lines over N processes, or the lines it wrote. */
    static String neverAnswered(List<ScenarioOutcome> outcomes) {
        long lines = outcomes.stream().mapToLong(o -> o.stdout().size()).sum();
        return ScenarioOutcome.NEVER_ANSWERED + " (no response in any of " + outcomes.size() + " scenarios; "
                + lines + " stdout lines, "
                + outcomes.stream().mapToLong(ScenarioOutcome::stderrBytes).sum() + " stderr bytes): nothing to check";
    }

    /** Null when the response has exactly one of result/error (and a well-formed error). */
    static String resultXorError(JsonNode response) {
        boolean result = response.has("result");
        boolean error = response.has("error");
        if (result == error) {
            return result ? "both result and error" : "neither result nor error";
        }
        if (error) {
            JsonNode e = response.get("error");
            if (!e.isObject() || !e.path("code").isIntegralNumber() || !e.path("message").isTextual()) {
                return "error without an integer code and a string message";
            }
        }
        return null;
    }

    private static String quote(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return "'" + (flat.length() <= 120 ? flat : flat.substring(0, 117) + "...") + "'";
    }
}
