package dev.acp4j.schema;

import static dev.acp4j.schema.Direction.IN;
import static dev.acp4j.schema.Direction.OUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptValidatorTest {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":1,
             "clientCapabilities":{"elicitation":{"url":{}}}}}""";
    private static final String INITIALIZE_RESPONSE = """
            {"jsonrpc":"2.0","id":0,"result":{"protocolVersion":1,
             "agentInfo":{"name":"acp4j","title":"acp4j","version":"0.1.0"},"agentCapabilities":{"auth":{"logout":{}}},
             "authMethods":[{"id":"example-oauth","name":"Sign in with Example"}]}}""";
    private static final String AUTHENTICATE = """
            {"jsonrpc":"2.0","id":1,"method":"authenticate","params":{"methodId":"example-oauth"}}""";
    private static final String ELICITATION_CREATE = """
            {"jsonrpc":"2.0","id":0,"method":"elicitation/create","params":{"requestId":1,"mode":"url",
             "elicitationId":"el_1","url":"https://auth.example.com/authorize?state=s","message":"Sign in to Example"}}""";

    private final TranscriptValidator validator = new TranscriptValidator();

    @Test
    void aWholeSignInSessionIsValid() {
        feed(IN, INITIALIZE);
        feed(OUT, INITIALIZE_RESPONSE);
        feed(IN, AUTHENTICATE);
        feed(OUT, ELICITATION_CREATE);
        feed(IN, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"action\":\"accept\"}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"method\":\"elicitation/complete\",\"params\":{\"elicitationId\":\"el_1\"}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        feed(IN, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"session/new\",\"params\":{\"cwd\":\"/p\",\"mcpServers\":[]}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"sessionId\":\"s1\"}}");
        feed(IN, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"session/prompt\",\"params\":{\"sessionId\":\"s1\","
                + "\"prompt\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"method\":\"session/update\",\"params\":{\"sessionId\":\"s1\","
                + "\"update\":{\"sessionUpdate\":\"agent_message_chunk\",\"content\":{\"type\":\"text\",\"text\":\"hello\"}}}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"stopReason\":\"end_turn\"}}");

        assertThat(validator.violations()).isEmpty();
    }

    @Test
    void anInitializeResponseWithoutProtocolVersionIsFlagged() {
        feed(IN, INITIALIZE);
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"agentInfo\":{\"name\":\"acp4j\",\"version\":\"0.1.0\"}}}");

        assertThat(validator.violations())
                .containsExactly("#2 OUT $.result: required property 'protocolVersion' not found");
    }

    @Test
    void aResponseToAnUnknownIdIsFlagged() {
        feed(IN, INITIALIZE);
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");

        assertThat(validator.violations()).containsExactly(
                "#2 OUT $.id: response to unknown request id 7 (no pending request travelled IN with this id)");
    }

    @Test
    void aRequestIsAnsweredOnlyOnce() {
        feed(IN, AUTHENTICATE);
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");

        assertThat(validator.violations()).singleElement().asString().startsWith("#3 OUT $.id: response to unknown request id 1");
    }

    @Test
    void idsArePairedPerDirection() {
        feed(IN, AUTHENTICATE.replace("\"id\":1", "\"id\":0"));
        feed(OUT, ELICITATION_CREATE);
        feed(IN, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"action\":\"maybe\"}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{}}");

        assertThat(validator.violations()).singleElement().asString()
                .startsWith("#3 IN $.result.action: does not have a value in the enumeration");
    }

    @Test
    void anErrorAnsweringARequestIsCheckedAsAnError() {
        feed(IN, "{\"jsonrpc\":\"2.0\",\"id\":\"n\",\"method\":\"session/new\",\"params\":{\"cwd\":\"/p\",\"mcpServers\":[]}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":\"n\",\"error\":{\"code\":-32000,\"message\":\"Authentication required\","
                + "\"data\":{\"missing\":[\"OPENAI_API_KEY\"]}}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");

        assertThat(validator.violations())
                .containsExactly("#2 OUT $.error.data: required property 'availableMethodIds' not found");
    }

    @Test
    void aMethodSentTheWrongWayAndAReusedIdAreFlagged() {
        feed(IN, "{\"jsonrpc\":\"2.0\",\"method\":\"session/update\",\"params\":{\"sessionId\":\"s\","
                + "\"update\":{\"sessionUpdate\":\"plan\",\"entries\":[]}}}");
        feed(IN, AUTHENTICATE);
        feed(IN, AUTHENTICATE);

        assertThat(validator.violations()).containsExactly(
                "#1 IN $.method: 'session/update' is handled by the client; it cannot travel IN",
                "#3 IN $.id: request id 1 is still pending for a 'authenticate' request");
    }

    @Test
    void aLineThatIsNotJsonIsFlagged() {
        feed(IN, "{\"jsonrpc\":\"2.0\",");
        feed(IN, "");

        assertThat(validator.violations()).hasSize(2)
                .allSatisfy(violation -> assertThat(violation).contains(" IN $: not JSON: "));
    }

    @Test
    void aRepeatedMemberCountsWithItsLastValueInWhatTheAgentReceivedAndIsFlaggedInWhatItSent() {
        feed(IN, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"session/prompt\",\"params\":{\"sessionId\":\"s1\","
                + "\"prompt\":[{\"type\":\"text\",\"type\":\"text\",\"text\":\"hi\"}]}}");
        feed(OUT, "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"stopReason\":\"end_turn\"}}");
        assertThat(validator.violations()).as("the request was read, so its answer pairs with it").isEmpty();

        feed(OUT, "{\"jsonrpc\":\"2.0\",\"method\":\"session/update\",\"params\":{\"sessionId\":\"s1\",\"sessionId\":\"s1\"}}");
        assertThat(validator.violations()).singleElement().asString().startsWith("#3 OUT $: not JSON: Duplicate field 'sessionId'");
    }

    @Test
    void aTraceLineMayRepeatAMemberOnlyInWhatTheAgentReceived(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("trace.jsonl");
        Files.write(trace, List.of(
                "{\"ts\":\"2026-11-22T14:00:00.001Z\",\"dir\":\"in\",\"msg\":{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":0,"
                        + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}}",
                "{\"ts\":\"2026-11-22T14:00:00.020Z\",\"dir\":\"out\",\"msg\":{\"jsonrpc\":\"2.0\",\"id\":0,\"id\":0,"
                        + "\"result\":{\"protocolVersion\":1}}}"));

        assertThat(TranscriptValidator.validateTrace(trace)).singleElement().asString()
                .startsWith("#2 not a trace line: not JSON: Duplicate field 'id'");
    }

    @Test
    void validatesATraceFile(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("trace.jsonl");
        Files.write(trace, List.of(
                "{\"ts\":\"2026-11-22T14:00:00.001Z\",\"dir\":\"in\",\"msg\":" + INITIALIZE.replace("\n", "") + "}",
                "{\"ts\":\"2026-11-22T14:00:00.020Z\",\"dir\":\"out\",\"msg\":{\"jsonrpc\":\"2.0\",\"id\":0,"
                        + "\"result\":{\"protocolVersion\":70000,\"agentInfo\":{\"name\":\"acp4j\",\"version\":\"0.1.0\"}}}}",
                "{\"ts\":\"2026-11-22T14:00:00.030Z\",\"dir\":\"sideways\",\"msg\":{}}",
                "{\"ts\":\"yesterday\",\"dir\":\"in\",\"msg\":{}}",
                "{\"ts\":\"2026-11-22T14:00:00.040Z\",\"dir\":\"in\",\"msg\":{\"jsonrpc\":\"2.0\",\"id\":1,"
                        + "\"method\":\"authenticate\",\"params\":{}}}"));

        assertThat(TranscriptValidator.validateTrace(trace)).containsExactly(
                "#2 OUT $.result.protocolVersion: must have a maximum value of 65535",
                "#3 not a trace line: 'dir' must be \"in\" or \"out\", got \"sideways\"",
                "#4 not a trace line: 'ts' must be an ISO-8601 date-time string, got \"yesterday\"",
                "#5 IN $.params: required property 'methodId' not found");
    }

    private void feed(Direction direction, String line) {
        validator.accept(direction, line.replace("\n", ""));
    }
}
