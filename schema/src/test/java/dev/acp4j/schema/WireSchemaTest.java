package dev.acp4j.schema;

import static dev.acp4j.schema.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireSchemaTest {

    private static final WireSchema SCHEMA = WireSchema.bundled();

    private static final String INITIALIZE_RESPONSE_PREFIX = """
            {"jsonrpc":"2.0","id":0,"result":{"protocolVersion":1,
             "agentInfo":{"name":"acp4j","title":"acp4j","version":"0.1.0"},
             "agentCapabilities":{"auth":{"logout":{}}},
             "authMethods":[{"id":"example-oauth","name":"Sign in with Example"},
            """;

    static Stream<Samples.Sample> validMessages() {
        return Samples.validMessages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMessages")
    void sampleMessagesAreValid(Samples.Sample sample) {
        assertThat(sample.violationsPer(SCHEMA)).isEmpty();
    }

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                Arguments.of("AUTH_REQUIRED data without availableMethodIds", """
                        {"jsonrpc":"2.0","id":3,"error":{"code":-32000,"message":"Authentication required",
                         "data":{"requiresRestart":true}}}""",
                        "$.error.data: required property 'availableMethodIds' not found"),
                Arguments.of("AUTH_REQUIRED data with non-string method ids", """
                        {"jsonrpc":"2.0","id":3,"error":{"code":-32000,"message":"Authentication required",
                         "data":{"availableMethodIds":[1]}}}""",
                        "$.error.data.availableMethodIds[0]: integer found, string expected"),
                Arguments.of("response with both result and error", """
                        {"jsonrpc":"2.0","id":1,"result":{},"error":{"code":-32603,"message":"Internal error"}}""",
                        "$: has both 'result' and 'error'"),
                Arguments.of("response with neither result nor error", """
                        {"jsonrpc":"2.0","id":1}""",
                        "$: required property 'result' not found"),
                Arguments.of("id that is an object", """
                        {"jsonrpc":"2.0","id":{"n":1},"method":"authenticate","params":{"methodId":"x"}}""",
                        "$.id: object found, [string, integer, null] expected"),
                Arguments.of("wrong jsonrpc version", """
                        {"jsonrpc":"1.0","id":1,"result":{}}""",
                        "$.jsonrpc: must be the constant value '2.0'"),
                Arguments.of("URL elicitation without elicitationId", """
                        {"jsonrpc":"2.0","id":7,"method":"elicitation/create","params":{"requestId":1,"mode":"url",
                         "url":"https://auth.example.com/authorize","message":"Sign in"}}""",
                        "$.params: required property 'elicitationId' not found"),
                Arguments.of("URL elicitation without a scope", """
                        {"jsonrpc":"2.0","id":7,"method":"elicitation/create","params":{"mode":"url","elicitationId":"e",
                         "url":"https://auth.example.com/authorize","message":"Sign in"}}""",
                        "$.params: needs exactly one scope"),
                Arguments.of("URL elicitation scoped both ways", """
                        {"jsonrpc":"2.0","id":7,"method":"elicitation/create","params":{"requestId":1,"sessionId":"s",
                         "mode":"url","elicitationId":"e","url":"https://auth.example.com/authorize","message":"Sign in"}}""",
                        "$.params: needs exactly one scope"),
                Arguments.of("URL elicitation with a relative url", """
                        {"jsonrpc":"2.0","id":7,"method":"elicitation/create","params":{"requestId":1,"mode":"url",
                         "elicitationId":"e","url":"/authorize?x=1 2","message":"Sign in"}}""",
                        "$.params.url: does not match the uri pattern"),
                Arguments.of("protocolVersion 70000", """
                        {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":70000}}""",
                        "$.params.protocolVersion: must have a maximum value of 65535"),
                Arguments.of("agent_message_chunk without content", """
                        {"jsonrpc":"2.0","method":"session/update","params":{"sessionId":"s",
                         "update":{"sessionUpdate":"agent_message_chunk"}}}""",
                        "$.params.update: required property 'content' not found"),
                Arguments.of("unknown sessionUpdate kind", """
                        {"jsonrpc":"2.0","method":"session/update","params":{"sessionId":"s",
                         "update":{"sessionUpdate":"agent_mood","mood":"happy"}}}""",
                        "$.params.update.sessionUpdate: does not have a value in the enumeration"),
                Arguments.of("tool_call without title", """
                        {"jsonrpc":"2.0","method":"session/update","params":{"sessionId":"s",
                         "update":{"sessionUpdate":"tool_call","toolCallId":"t1"}}}""",
                        "$.params.update: required property 'title' not found"),
                Arguments.of("session/new without mcpServers", """
                        {"jsonrpc":"2.0","id":4,"method":"session/new","params":{"cwd":"/tmp"}}""",
                        "$.params: required property 'mcpServers' not found"),
                Arguments.of("prompt with a content block of unknown type", """
                        {"jsonrpc":"2.0","id":5,"method":"session/prompt","params":{"sessionId":"s",
                         "prompt":[{"type":"video","data":"x"}]}}""",
                        "$.params.prompt[0].type: does not have a value in the enumeration"),
                Arguments.of("session/cancel without sessionId", """
                        {"jsonrpc":"2.0","method":"session/cancel","params":{}}""",
                        "$.params: required property 'sessionId' not found"),
                Arguments.of("session/load without params", """
                        {"jsonrpc":"2.0","id":6,"method":"session/load"}""",
                        "$.params: required property 'sessionId' not found"),
                Arguments.of("notification method sent with an id", """
                        {"jsonrpc":"2.0","id":9,"method":"session/cancel","params":{"sessionId":"s"}}""",
                        "$.id: 'session/cancel' is a notification and carries no id"),
                Arguments.of("request method sent without an id", """
                        {"jsonrpc":"2.0","method":"authenticate","params":{"methodId":"x"}}""",
                        "$: 'authenticate' is a request and needs an id"),
                Arguments.of("unknown method without the extension prefix", """
                        {"jsonrpc":"2.0","id":1,"method":"session/frobnicate","params":{}}""",
                        "$.method: unknown ACP method 'session/frobnicate' (extension methods must start with '_')"),
                Arguments.of("extension request with a broken envelope", """
                        {"jsonrpc":"2.0","id":true,"method":"_acp4j/status"}""",
                        "$.id: boolean found, [string, integer, null] expected"));
    }

    static Stream<Arguments> invalidInitializeResponses() {
        return Stream.of(
                Arguments.of("env_var method without requiresRestart", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"k","name":"Key","type":"env_var","vars":[{"name":"OPENAI_API_KEY"}]}]}}""",
                        "$.result.authMethods[1]: required property 'requiresRestart' not found"),
                Arguments.of("env_var method with no vars", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"k","name":"Key","type":"env_var","vars":[],"requiresRestart":true}]}}""",
                        "$.result.authMethods[1].vars: must have at least 1 items"),
                Arguments.of("typed method that only looks like an agent method", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"k","name":"Key","type":"env_var"}]}}""",
                        "$.result.authMethods[1]: required property 'vars' not found"),
                Arguments.of("agent method without name", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"other","description":"no name"}]}}""",
                        "$.result.authMethods[1]: required property 'name' not found"),
                Arguments.of("auth method of an unknown type", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"x","name":"X","type":"oauth2"}]}}""",
                        "$.result.authMethods[1].type: does not have a value in the enumeration"),
                Arguments.of("start_param that is not a flag", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"f","name":"Key file","type":"start_param","params":[{"name":"api-key-file"}],
                         "requiresRestart":true}]}}""",
                        "$.result.authMethods[1].params[0].name: does not match the regex pattern"),
                Arguments.of("terminal-auth descriptor with a relative command", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"t","name":"Terminal","type":"terminal","_meta":{"terminal-auth":
                         {"label":"Terminal","command":"bin/acp4j","args":["--login","t"]}}}]}}""",
                        "$.result.authMethods[1]._meta['terminal-auth'].command: does not match the regex pattern"),
                Arguments.of("terminal-auth descriptor that does not log in", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"t","name":"Terminal","type":"terminal","_meta":{"terminal-auth":
                         {"label":"Terminal","command":"/opt/acp4j/bin/acp4j","args":["--config","/x.json"]}}}]}}""",
                        "$.result.authMethods[1]._meta['terminal-auth'].args: must contain at least 1 element"),
                Arguments.of("env_var link that is not a URI", INITIALIZE_RESPONSE_PREFIX + """
                        {"id":"k","name":"Key","type":"env_var","vars":[{"name":"K"}],"link":"see the docs",
                         "requiresRestart":true}]}}""",
                        "$.result.authMethods[1].link: does not match the uri pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInitializeResponses")
    void invalidInitializeResponsesAreFlaggedWithPathAndReason(String description, String response, String expected) {
        List<String> violations = SCHEMA.validateResponse("initialize", json(response));

        assertThat(violations).as(description).anySatisfy(violation -> assertThat(violation).startsWith(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void invalidMessagesAreFlaggedWithPathAndReason(String description, String message, String expected) {
        List<String> violations = SCHEMA.validateMessage(json(message));

        assertThat(violations).as(description).anySatisfy(violation -> assertThat(violation).startsWith(expected));
        assertThat(violations).allSatisfy(violation -> assertThat(violation).matches("\\$\\S*: .+").doesNotContain("\n"));
    }

    @Test
    void validatesParamsOfAMethodByName() {
        assertThat(SCHEMA.validateParams("authenticate", json("{\"methodId\":\"example-oauth\"}"))).isEmpty();
        assertThat(SCHEMA.validateParams("authenticate", json("{}")))
                .containsExactly("$: required property 'methodId' not found");
        assertThat(SCHEMA.validateParams("logout", null)).isEmpty();
        assertThat(SCHEMA.validateParams("session/prompt", null))
                .contains("$: required property 'sessionId' not found", "$: required property 'prompt' not found");
    }

    @Test
    void validatesResultsOfAMethodByName() {
        assertThat(SCHEMA.validateResult("elicitation/create", json("{\"action\":\"decline\"}"))).isEmpty();
        assertThat(SCHEMA.validateResult("elicitation/create", json("{\"action\":\"later\"}")))
                .singleElement().asString().startsWith("$.action: does not have a value in the enumeration");
        assertThat(SCHEMA.validateResult("session/prompt", json("{\"stopReason\":\"bored\"}")))
                .singleElement().asString().startsWith("$.stopReason: does not have a value in the enumeration");
        assertThat(SCHEMA.validateResult("initialize", json("{\"agentInfo\":{\"name\":\"a\",\"version\":\"1\"}}")))
                .containsExactly("$: required property 'protocolVersion' not found");
    }

    @Test
    void extensionMethodsAreNotCheckedBeyondTheEnvelopeAndUnknownOnesAreFlagged() {
        assertThat(SCHEMA.validateParams("_acp4j/anything", json("[1,2]"))).isEmpty();
        assertThat(SCHEMA.validateResult("_acp4j/anything", json("42"))).isEmpty();
        assertThat(SCHEMA.validateParams("session/frobnicate", json("{}")))
                .containsExactly("$: unknown ACP method 'session/frobnicate' (extension methods must start with '_')");
    }

    @Test
    void notificationsHaveNoResult() {
        assertThat(SCHEMA.validateResult("session/update", json("{}")))
                .containsExactly("$: 'session/update' is a notification and has no result");
    }

    @Test
    void singleTypesCanBeValidatedByName() {
        assertThat(SCHEMA.validateType("AuthMethod", json("""
                {"id":"k","name":"Key","type":"env_var","vars":[{"name":"K","secret":true,"optional":false}],
                 "requiresRestart":false}"""))).isEmpty();
        assertThat(SCHEMA.validateType("AuthMethodAgent", json("{\"id\":\"k\",\"name\":\"Key\",\"type\":\"env_var\"}")))
                .containsExactly("$: an agent auth method has no 'type'");
        assertThatThrownBy(() -> SCHEMA.validateType("NoSuchType", json("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NoSuchType");
    }

    @Test
    void everyMethodNamesTypesTheSchemaDefines() {
        for (AcpMethod method : AcpMethod.values()) {
            assertThat(SCHEMA.definesType(method.paramsType())).as(method.wireName()).isTrue();
            method.resultType().ifPresent(type -> assertThat(SCHEMA.definesType(type)).as(method.wireName()).isTrue());
        }
    }

    @Test
    void theBundledSchemaIsLoadedOnce() {
        assertThat(WireSchema.bundled()).isSameAs(SCHEMA);
    }
}
