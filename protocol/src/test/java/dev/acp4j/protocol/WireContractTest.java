package dev.acp4j.protocol;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.read;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.acp4j.protocol.auth.AuthenticateRequest;
import dev.acp4j.protocol.elicitation.CreateElicitationRequest;
import dev.acp4j.protocol.fs.ReadTextFileResponse;
import dev.acp4j.protocol.initialization.InitializeRequest;
import dev.acp4j.protocol.session.NewSessionRequest;
import dev.acp4j.protocol.session.PromptRequest;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.terminal.TerminalOutputResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every record follows on the wire: required fields, unknown fields, {@code _meta}, request ids. */
class WireContractTest {

    static Stream<Arguments> missingRequiredFields() {
        return Stream.of(
                Arguments.of(InitializeRequest.class, "{}", "protocolVersion"),
                Arguments.of(AuthenticateRequest.class, "{}", "methodId"),
                Arguments.of(NewSessionRequest.class, "{\"cwd\":\"/p\"}", "mcpServers"),
                Arguments.of(PromptRequest.class, "{\"prompt\":[]}", "sessionId"),
                Arguments.of(SessionNotification.class, "{\"sessionId\":\"s\"}", "update"),
                Arguments.of(SessionUpdate.class, "{\"sessionUpdate\":\"usage_update\",\"used\":1}", "size"),
                Arguments.of(ReadTextFileResponse.class, "{}", "content"),
                Arguments.of(TerminalOutputResponse.class, "{\"output\":\"\"}", "truncated"),
                Arguments.of(CreateElicitationRequest.class,
                        "{\"mode\":\"url\",\"message\":\"m\",\"url\":\"https://x\",\"requestId\":1}", "elicitationId"),
                Arguments.of(CancelRequestNotification.class, "{}", "requestId"));
    }

    @ParameterizedTest(name = "{0} without {2}")
    @MethodSource("missingRequiredFields")
    void missingRequiredFieldFailsNamingTheField(Class<?> type, String json, String field) {
        assertThatThrownBy(() -> Wire.MAPPER.readValue(json, type))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("'" + field + "'");
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        PromptRequest request = read("""
                {"sessionId":"s","future":1,"prompt":[{"type":"text","text":"hi","shiny":{"a":true}}]}""",
                PromptRequest.class);
        assertThat(request).isEqualTo(PromptRequest.of("s", List.of(dev.acp4j.protocol.content.ContentBlock.text("hi"))));
    }

    @Test
    void metaIsPreservedOnRoundTrip() {
        String json = """
                {"protocolVersion":1,"clientCapabilities":{"fs":{"readTextFile":true,"_meta":{"x":[1,2.5,"s"]}},
                 "_meta":{"nested":{"deep":false}}},"_meta":{"vendor.io/trace":"t-1","n":12345678901234}}""";

        InitializeRequest request = assertRoundTrip(json, InitializeRequest.class);

        assertThat(request.meta()).containsEntry("vendor.io/trace", "t-1").containsEntry("n", 12345678901234L);
        assertThat(request.clientCapabilities().fs().meta())
                .isEqualTo(Map.of("x", List.of(1, new BigDecimal("2.5"), "s")));
    }

    @Test
    void absentOptionalFieldsAreNotWritten() {
        assertThat(tree(PromptRequest.of("s", List.of()))).isEqualTo(parse("{\"sessionId\":\"s\",\"prompt\":[]}"));
    }

    @Test
    void requestIdKeepsItsJsonType() {
        assertThat(assertRoundTrip("{\"requestId\":7}", CancelRequestNotification.class).requestId())
                .isEqualTo(IntNode.valueOf(7));
        assertThat(assertRoundTrip("{\"requestId\":\"7\"}", CancelRequestNotification.class).requestId())
                .isEqualTo(TextNode.valueOf("7"));
        assertThat(assertRoundTrip("{\"requestId\":null}", CancelRequestNotification.class).requestId())
                .isEqualTo(NullNode.getInstance());
    }

    @Test
    void protocolVersionMustBeANumber() {
        assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"protocolVersion\":\"1\"}", InitializeRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
