package dev.acp4j.protocol.session;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.read;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.acp4j.protocol.Wire;
import dev.acp4j.protocol.mcp.McpServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionMethodsTest {

    @Test
    void newSessionRequestAndResponse() {
        NewSessionRequest request = assertRoundTrip("""
                {"cwd":"/p","additionalDirectories":["/lib"],"mcpServers":[
                 {"name":"fs","command":"mcp-fs","args":[],"env":[]},
                 {"type":"http","name":"api","url":"https://x","headers":[]}]}""", NewSessionRequest.class);
        assertThat(request.mcpServers()).extracting(McpServer::name).containsExactly("fs", "api");
        assertThat(tree(NewSessionResponse.of("s1"))).isEqualTo(parse("{\"sessionId\":\"s1\"}"));
    }

    @Test
    void loadAndResumeSession() {
        assertThat(assertRoundTrip("{\"sessionId\":\"s\",\"cwd\":\"/p\",\"mcpServers\":[]}", LoadSessionRequest.class))
                .isEqualTo(new LoadSessionRequest("s", "/p", null, List.of(), null));
        assertThat(assertRoundTrip("{\"sessionId\":\"s\",\"cwd\":\"/p\"}", ResumeSessionRequest.class).mcpServers())
                .isNull();
        assertThat(assertRoundTrip("""
                {"modes":{"currentModeId":"ask","availableModes":[{"id":"ask","name":"Ask"}]}}""",
                LoadSessionResponse.class).modes().currentModeId()).isEqualTo("ask");
        assertThat(tree(ResumeSessionResponse.empty())).isEqualTo(parse("{}"));
    }

    @Test
    void listSessionsPages() {
        ListSessionsResponse response = assertRoundTrip("""
                {"sessions":[{"sessionId":"s1","cwd":"/p","title":"Fix","updatedAt":"2026-01-01T00:00:00Z"}],
                 "nextCursor":"c2"}""", ListSessionsResponse.class);
        assertThat(response.sessions()).extracting(SessionInfo::sessionId).containsExactly("s1");
        assertThat(read("{}", ListSessionsRequest.class)).isEqualTo(new ListSessionsRequest(null, null, null));
    }

    @Test
    void closeDeleteAndSetModeAreTiny() {
        assertThat(assertRoundTrip("{\"sessionId\":\"s\"}", CloseSessionRequest.class))
                .isEqualTo(CloseSessionRequest.of("s"));
        assertThat(assertRoundTrip("{\"sessionId\":\"s\"}", DeleteSessionRequest.class))
                .isEqualTo(DeleteSessionRequest.of("s"));
        assertThat(assertRoundTrip("{\"sessionId\":\"s\",\"modeId\":\"code\"}", SetSessionModeRequest.class))
                .isEqualTo(new SetSessionModeRequest("s", "code", null));
        assertThat(tree(CloseSessionResponse.empty())).isEqualTo(parse("{}"));
        assertThat(tree(DeleteSessionResponse.empty())).isEqualTo(parse("{}"));
        assertThat(tree(SetSessionModeResponse.empty())).isEqualTo(parse("{}"));
    }

    @Test
    void setConfigOptionToAValueIdOrABoolean() {
        assertThat(assertRoundTrip("{\"sessionId\":\"s\",\"configId\":\"model\",\"value\":\"m2\"}",
                SetSessionConfigOptionRequest.class))
                .isEqualTo(new SetSessionConfigOptionRequest.ValueId("s", "model", "m2", null));
        assertThat(assertRoundTrip("{\"sessionId\":\"s\",\"configId\":\"fast\",\"type\":\"boolean\",\"value\":true}",
                SetSessionConfigOptionRequest.class))
                .isEqualTo(new SetSessionConfigOptionRequest.BooleanValue("s", "fast", true, null));
    }

    @Test
    void booleanValueMustBeABoolean() {
        assertThatThrownBy(() -> Wire.MAPPER.readValue(
                "{\"sessionId\":\"s\",\"configId\":\"fast\",\"type\":\"boolean\",\"value\":\"yes\"}",
                SetSessionConfigOptionRequest.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void selectOptionsAreFlatOrGrouped() {
        SessionConfigOption flat = assertRoundTrip("""
                {"type":"select","id":"model","name":"Model","currentValue":"a",
                 "options":[{"value":"a","name":"A"},{"value":"b","name":"B","description":"Bee"}]}""",
                SessionConfigOption.class);
        SessionConfigOption grouped = assertRoundTrip("""
                {"type":"select","id":"model","name":"Model","currentValue":"a","category":"custom_thing",
                 "options":[{"group":"fast","name":"Fast","options":[{"value":"a","name":"A"}]}]}""",
                SessionConfigOption.class);

        assertThat(((SessionConfigOption.SelectOption) flat).options())
                .isInstanceOf(SessionConfigSelectOptions.Ungrouped.class);
        SessionConfigOption.SelectOption select = (SessionConfigOption.SelectOption) grouped;
        assertThat(select.options()).isInstanceOf(SessionConfigSelectOptions.Grouped.class);
        assertThat(select.category()).isEqualTo(new SessionConfigOptionCategory("custom_thing"));
    }

    @Test
    void selectOptionsMustBeAnArray() {
        assertThatThrownBy(() -> Wire.MAPPER.readValue(
                "{\"type\":\"select\",\"id\":\"m\",\"name\":\"M\",\"currentValue\":\"a\",\"options\":{}}",
                SessionConfigOption.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("array");
    }

    @Test
    void factoriesWriteTheCommonCase() {
        assertThat(tree(SessionConfigOption.select("model", "Model", "a",
                SessionConfigSelectOptions.of(List.of(SessionConfigSelectOption.of("a", "A"))))))
                .isEqualTo(parse("""
                        {"type":"select","id":"model","name":"Model","currentValue":"a",
                         "options":[{"value":"a","name":"A"}]}"""));
        assertThat(tree(PromptResponse.of(StopReason.MAX_TURN_REQUESTS)))
                .isEqualTo(parse("{\"stopReason\":\"max_turn_requests\"}"));
        assertThat(tree(CancelNotification.of("s"))).isEqualTo(parse("{\"sessionId\":\"s\"}"));
    }
}
