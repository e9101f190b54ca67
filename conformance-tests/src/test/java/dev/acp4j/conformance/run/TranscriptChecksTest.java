package dev.acp4j.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.Inbound;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.report.Status;
import dev.acp4j.conformance.report.Verdicts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TranscriptChecksTest {

    private static ScenarioOutcome outcome(long stderrBytes, String... lines) {
        AtomicLong seq = new AtomicLong();
        List<Inbound> stdout = Arrays.stream(lines).map(l -> Inbound.classify(seq.getAndIncrement(), l))
                .toList();
        return new ScenarioOutcome("s", new Verdicts(), stdout, Map.of(), stderrBytes, 1, false,
                List.of());
    }

    private static Status status(Verdicts verdicts, Requirement requirement) {
        return verdicts.get(requirement).orElseThrow().status();
    }

    @Test
    void wellFormedTranscriptPassesEverything() {
        Verdicts verdicts = TranscriptChecks.judge(List.of(outcome(10,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"session/update\",\"params\":{}}")), 100);
        List.of(Catalog.STDOUT_ONLY_JSON, Catalog.RESULT_XOR_ERROR, Catalog.ERROR_MESSAGE_SINGLE_LINE,
                Catalog.STDERR_VOLUME).forEach(r -> assertThat(status(verdicts, r)).as(r.id()).isEqualTo(Status.PASS));
    }

    @Test
    void schemaCheckSkipsWithoutTheSchema() {
        Verdicts verdicts = SchemaChecks.judge(List.of(outcome(0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")),
                null);
        assertThat(status(verdicts, Catalog.MESSAGES_SCHEMA_VALID)).isEqualTo(Status.SKIP);
    }

    @Test
    void logLineOnStdoutFails() {
        Verdicts verdicts = TranscriptChecks.judge(List.of(outcome(0, "Starting agent...",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")), 100);
        assertThat(status(verdicts, Catalog.STDOUT_ONLY_JSON)).isEqualTo(Status.FAIL);
        assertThat(verdicts.get(Catalog.STDOUT_ONLY_JSON).orElseThrow().reason()).contains("Starting agent...");
    }

    @Test
    void nonJsonRpcObjectsFail() {
        for (String line : List.of("[]", "{\"id\":1,\"result\":{}}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"result\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":5}", "{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"2.0\",\"id\":1} x")) {
            Verdicts verdicts = TranscriptChecks.judge(List.of(outcome(0, line)), 100);
            assertThat(status(verdicts, Catalog.STDOUT_ONLY_JSON)).as(line).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void resultXorErrorIsEnforced() {
        assertThat(TranscriptChecks.resultXorError(json("{\"id\":1,\"result\":null}"))).isNull();
        assertThat(TranscriptChecks.resultXorError(json("{\"id\":1,\"result\":{},\"error\":{}}")))
                .contains("both");
        assertThat(TranscriptChecks.resultXorError(json("{\"id\":1}"))).contains("neither");
        assertThat(TranscriptChecks.resultXorError(json("{\"id\":1,\"error\":{\"code\":\"x\",\"message\":\"m\"}}")))
                .contains("integer code");
    }

    @Test
    void multiLineErrorMessagesAndStderrVolumeAreAdvisoryFailures() {
        Verdicts verdicts = TranscriptChecks.judge(List.of(outcome(101,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"boom\\n  at X\"}}")), 100);
        assertThat(status(verdicts, Catalog.ERROR_MESSAGE_SINGLE_LINE)).isEqualTo(Status.FAIL);
        assertThat(status(verdicts, Catalog.STDERR_VOLUME)).isEqualTo(Status.FAIL);
        assertThat(status(verdicts, Catalog.RESULT_XOR_ERROR)).isEqualTo(Status.PASS);
    }

    @Test
    void nothingToLookAtIsNeverAPass() {
        Verdicts silent = TranscriptChecks.judge(List.of(outcome(0), outcome(0)), 100);
        List.of(Catalog.STDOUT_ONLY_JSON, Catalog.RESULT_XOR_ERROR, Catalog.ERROR_MESSAGE_SINGLE_LINE,
                Catalog.STDERR_VOLUME).forEach(r -> {
                    assertThat(status(silent, r)).as(r.id()).isEqualTo(Status.FAIL);
                    assertThat(silent.get(r).orElseThrow().reason()).as(r.id()).startsWith("the agent never answered");
                });

        Verdicts withoutErrors = TranscriptChecks.judge(List.of(outcome(0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")),
                100);
        assertThat(status(withoutErrors, Catalog.ERROR_MESSAGE_SINGLE_LINE)).isEqualTo(Status.SKIP);
        assertThat(status(withoutErrors, Catalog.RESULT_XOR_ERROR)).isEqualTo(Status.PASS);

        Verdicts garbageOnly = TranscriptChecks.judge(List.of(outcome(0, "Starting agent...")), 100);
        assertThat(garbageOnly.get(Catalog.STDOUT_ONLY_JSON).orElseThrow().reason()).contains("Starting agent...");
        assertThat(status(garbageOnly, Catalog.RESULT_XOR_ERROR)).isEqualTo(Status.FAIL);
    }

    @Test
    void schemaCheckOfAnAgentThatNeverAnsweredFails() throws Exception {
        java.util.Optional<java.nio.file.Path> schema = dev.acp4j.conformance.schema.OfficialSchema.discover(
                java.nio.file.Path.of(""));
        org.junit.jupiter.api.Assumptions.assumeTrue(schema.isPresent(), "the official ACP schema is absent");
        Verdicts verdicts = SchemaChecks.judge(List.of(outcome(0)),
                dev.acp4j.conformance.schema.OfficialSchema.load(schema.get()));
        assertThat(status(verdicts, Catalog.MESSAGES_SCHEMA_VALID)).isEqualTo(Status.FAIL);
    }

    private static JsonNode json(String text) {
        return Json.parse(text).orElseThrow();
    }
}
