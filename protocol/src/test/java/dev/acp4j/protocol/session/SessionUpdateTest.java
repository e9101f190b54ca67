package dev.acp4j.protocol.session;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.read;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.acp4j.protocol.Wire;
import dev.acp4j.protocol.content.ContentBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionUpdateTest {

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"sessionUpdate":"user_message_chunk","content":{"type":"text","text":"hi"},"messageId":"m1"}""",
            """
            {"sessionUpdate":"agent_message_chunk","content":{"type":"text","text":"hello"}}""",
            """
            {"sessionUpdate":"agent_thought_chunk","content":{"type":"text","text":"hmm"},"_meta":{"a":1}}""",
            """
            {"sessionUpdate":"tool_call","toolCallId":"t1","title":"Read a.txt","kind":"read","status":"pending",
             "content":[{"type":"content","content":{"type":"text","text":"x"}},
                        {"type":"diff","path":"/a.txt","oldText":"a","newText":"b"},
                        {"type":"terminal","terminalId":"term-1"}],
             "locations":[{"path":"/a.txt","line":3}],"rawInput":{"path":"/a.txt"},"rawOutput":[1,2]}""",
            """
            {"sessionUpdate":"tool_call_update","toolCallId":"t1","status":"completed","title":"Done",
             "content":[{"type":"diff","path":"/b.txt","newText":"new"}],"_meta":{"x":true}}""",
            """
            {"sessionUpdate":"plan","entries":[{"content":"step","priority":"high","status":"in_progress"}]}""",
            """
            {"sessionUpdate":"available_commands_update","availableCommands":[
             {"name":"web","description":"Search the web","input":{"hint":"query"}}]}""",
            """
            {"sessionUpdate":"current_mode_update","currentModeId":"code"}""",
            """
            {"sessionUpdate":"config_option_update","configOptions":[
             {"type":"select","id":"model","name":"Model","category":"model","currentValue":"m1",
              "options":[{"value":"m1","name":"Model 1"}]},
             {"type":"boolean","id":"fast","name":"Fast","currentValue":true}]}""",
            """
            {"sessionUpdate":"session_info_update","title":"Fix the bug","updatedAt":"2026-01-01T00:00:00Z"}""",
            """
            {"sessionUpdate":"usage_update","used":1200,"size":200000,"cost":{"amount":0.25,"currency":"USD"}}"""
    })
    void everyKindRoundTrips(String json) {
        SessionUpdate update = assertRoundTrip(json, SessionUpdate.class);
        assertThat(update).isNotInstanceOf(SessionUpdate.Other.class);
        assertThat(update.sessionUpdate()).isEqualTo(parse(json).get("sessionUpdate").asText());
    }

    @Test
    void variantsCarryTheirFields() {
        SessionUpdate toolCall = read("""
                {"sessionUpdate":"tool_call","toolCallId":"t1","title":"Run","kind":"execute","status":"in_progress"}""",
                SessionUpdate.class);
        assertThat(toolCall).isEqualTo(new SessionUpdate.ToolCall("t1", "Run", ToolKind.EXECUTE,
                ToolCallStatus.IN_PROGRESS, null, null, null, null, null));

        SessionUpdate usage = read("""
                {"sessionUpdate":"usage_update","used":5,"size":10}""", SessionUpdate.class);
        assertThat(usage).isEqualTo(new SessionUpdate.UsageUpdate(5, 10, null, null));
    }

    @Test
    void toolCallUpdateIsWrittenInline() {
        SessionUpdate update = SessionUpdate.toolCallUpdate(ToolCallUpdate.of("t1", ToolCallStatus.FAILED));

        assertThat(tree(update)).isEqualTo(parse("""
                {"sessionUpdate":"tool_call_update","toolCallId":"t1","status":"failed"}"""));
        assertThat(read(Wire.write(update), SessionUpdate.class)).isEqualTo(update)
                .isInstanceOf(SessionUpdate.ToolCallUpdateNotification.class);
    }

    @Test
    void toolCallUpdateStillNeedsItsId() {
        assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"sessionUpdate\":\"tool_call_update\",\"status\":\"failed\"}",
                SessionUpdate.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("toolCallId");
    }

    @Test
    void agentMessageFactoryWritesATextChunk() {
        assertThat(tree(SessionNotification.of("s1", SessionUpdate.agentMessage("hi")))).isEqualTo(parse("""
                {"sessionId":"s1","update":{"sessionUpdate":"agent_message_chunk","content":{"type":"text","text":"hi"}}}"""));
    }

    @Test
    void toolCallFactoryStartsPending() {
        assertThat(tree(SessionUpdate.toolCall("t9", "Edit", ToolKind.EDIT))).isEqualTo(parse("""
                {"sessionUpdate":"tool_call","toolCallId":"t9","title":"Edit","kind":"edit","status":"pending"}"""));
    }

    @Test
    void unknownKindIsKeptRawAndTheNotificationStillParses() {
        String json = """
                {"sessionId":"s1","update":{"sessionUpdate":"future_thing","payload":{"a":[1,2]}},"_meta":{"m":1}}""";

        SessionNotification notification = assertRoundTrip(json, SessionNotification.class);

        assertThat(notification.sessionId()).isEqualTo("s1");
        assertThat(notification.update()).isInstanceOfSatisfying(SessionUpdate.Other.class, other -> {
            assertThat(other.sessionUpdate()).isEqualTo("future_thing");
            assertThat(other.raw().get("payload")).isEqualTo(parse("{\"a\":[1,2]}"));
        });
        assertThat(notification.meta()).isEqualTo(Map.of("m", 1));
    }

    @Test
    void knownKindWithAWrongShapeIsStillAnError() {
        assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"sessionUpdate\":\"plan\"}", SessionUpdate.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("entries");
    }

    @Test
    void planEntriesAreTyped() {
        SessionUpdate plan = read("""
                {"sessionUpdate":"plan","entries":[{"content":"a","priority":"low","status":"completed"}]}""",
                SessionUpdate.class);
        assertThat(plan).isEqualTo(new SessionUpdate.Plan(
                List.of(PlanEntry.of("a", PlanEntryPriority.LOW, PlanEntryStatus.COMPLETED)), null));
    }

    @Test
    void chunkContentIsAContentBlock() {
        SessionUpdate chunk = read("""
                {"sessionUpdate":"user_message_chunk","content":{"type":"resource_link","name":"n","uri":"u"}}""",
                SessionUpdate.class);
        assertThat(((SessionUpdate.UserMessageChunk) chunk).content()).isEqualTo(ContentBlock.resourceLink("n", "u"));
    }
}
