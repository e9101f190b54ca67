package dev.acp4j.conformance.run;

import static dev.acp4j.conformance.catalog.Catalog.MESSAGES_SCHEMA_VALID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.report.Verdicts;
import dev.acp4j.conformance.schema.OfficialSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates every agent message whose type the official schema names against it: responses to
 * the harness's ACP requests, the agent's notifications and requests to the client, and every
 * error object.
 */
public final class SchemaChecks {

    private SchemaChecks() {
    }

    public static Verdicts judge(List<ScenarioOutcome> outcomes, OfficialSchema schema) {
        Verdicts verdicts = new Verdicts();
        if (schema == null) {
            verdicts.skip(MESSAGES_SCHEMA_VALID, "no official schema found");
            return verdicts;
        }
        if (outcomes.isEmpty()) {
            verdicts.skip(MESSAGES_SCHEMA_VALID, "no scenario ran");
            return verdicts;
        }
        if (ScenarioOutcome.noneAnswered(outcomes)) {
            verdicts.fail(MESSAGES_SCHEMA_VALID, TranscriptChecks.neverAnswered(outcomes));
            return verdicts;
        }
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (ScenarioOutcome outcome : outcomes) {
            for (Inbound in : outcome.stdout()) {
                Optional<Check> check = checkFor(in, outcome, schema);
                if (check.isEmpty()) {
                    continue;
                }
                validated++;
                List<String> errors = schema.validate(check.get().definition(), check.get().instance());
                if (!errors.isEmpty()) {
                    problems.add(check.get().definition() + " " + errors.get(0) + " in " + Json.brief(in.json())
                            + " [" + outcome.name() + "]");
                }
            }
        }
        if (validated == 0) {
            verdicts.skip(MESSAGES_SCHEMA_VALID, "the agent sent no message whose type the official schema names");
            return verdicts;
        }
        verdicts.judge(MESSAGES_SCHEMA_VALID, problems, validated + " agent messages valid against the official schema",
                " agent messages are not valid against the official schema, first: ");
        return verdicts;
    }

    private record Check(String definition, JsonNode instance) {
    }

    private static Optional<Check> checkFor(Inbound in, ScenarioOutcome outcome, OfficialSchema schema) {
        JsonNode json = in.json();
        switch (in.kind()) {
            case RESPONSE -> {
                if (json.has("error") && !json.has("result")) {
                    return Optional.of(new Check("Error", json.get("error")));
                }
                String method = outcome.requestMethods().get(Json.write(in.id()));
                if (method == null || !json.has("result") || json.has("error")) {
                    return Optional.empty();
                }
                return schema.definitionFor("agent", method, "Response").map(d -> new Check(d, json.get("result")));
            }
            case REQUEST -> {
                return schema.definitionFor("client", in.method(), "Request")
                        .map(d -> new Check(d, json.path("params")));
            }
            case NOTIFICATION -> {
                return schema.definitionFor("client", in.method(), "Notification")
                        .map(d -> new Check(d, json.path("params")));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
