package dev.acp4j.protocol;

import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.protocol.auth.AuthMethod;
import dev.acp4j.protocol.auth.AuthStartParam;
import dev.acp4j.protocol.auth.AuthenticateRequest;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.elicitation.ElicitationPropertySchema;
import dev.acp4j.protocol.elicitation.ElicitationSchema;
import dev.acp4j.protocol.initialization.ClientCapabilities;
import dev.acp4j.protocol.initialization.InitializeRequest;
import dev.acp4j.protocol.session.ListSessionsResponse;
import dev.acp4j.protocol.session.LoadSessionResponse;
import dev.acp4j.protocol.session.NewSessionRequest;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.SetSessionConfigOptionResponse;
import dev.acp4j.protocol.session.ToolCallContent;
import dev.acp4j.protocol.terminal.CreateTerminalRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The short factories write exactly the common-case JSON. */
class FactoriesTest {

    @Test
    void initializationAndAuth() {
        assertThat(tree(InitializeRequest.of(ProtocolVersion.LATEST,
                new ClientCapabilities(null, true, null, null, null, null))))
                .isEqualTo(parse("{\"protocolVersion\":1,\"clientCapabilities\":{\"terminal\":true}}"));
        assertThat(tree(AuthenticateRequest.of("oauth"))).isEqualTo(parse("{\"methodId\":\"oauth\"}"));
        assertThat(tree(AuthMethod.startParam("key-file", "Key file",
                List.of(AuthStartParam.of("--api-key-file", "Key file")), true)))
                .isEqualTo(parse("""
                        {"id":"key-file","name":"Key file","type":"start_param",
                         "params":[{"name":"--api-key-file","label":"Key file"}],"requiresRestart":true}"""));
    }

    @Test
    void sessions() {
        assertThat(tree(NewSessionRequest.of("/p", List.of()))).isEqualTo(parse("{\"cwd\":\"/p\",\"mcpServers\":[]}"));
        assertThat(tree(LoadSessionResponse.empty())).isEqualTo(parse("{}"));
        assertThat(tree(ListSessionsResponse.of(List.of()))).isEqualTo(parse("{\"sessions\":[]}"));
        assertThat(tree(SetSessionConfigOptionResponse.of(List.of()))).isEqualTo(parse("{\"configOptions\":[]}"));
        assertThat(tree(SessionUpdate.agentThought("hmm"))).isEqualTo(parse("""
                {"sessionUpdate":"agent_thought_chunk","content":{"type":"text","text":"hmm"}}"""));
        assertThat(tree(ToolCallContent.of(ContentBlock.text("out")))).isEqualTo(parse("""
                {"type":"content","content":{"type":"text","text":"out"}}"""));
    }

    @Test
    void terminalAndElicitation() {
        assertThat(tree(CreateTerminalRequest.of("s", "ls", List.of("-l"))))
                .isEqualTo(parse("{\"sessionId\":\"s\",\"command\":\"ls\",\"args\":[\"-l\"]}"));
        assertThat(tree(ElicitationSchema.of(Map.of("name", ElicitationPropertySchema.string("Name")),
                List.of("name"))))
                .isEqualTo(parse("""
                        {"type":"object","properties":{"name":{"type":"string","title":"Name"}},"required":["name"]}"""));
    }
}
