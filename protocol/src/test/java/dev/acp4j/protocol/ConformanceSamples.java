package dev.acp4j.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.acp4j.protocol.auth.AgentAuthCapabilities;
import dev.acp4j.protocol.auth.AuthCapabilities;
import dev.acp4j.protocol.auth.AuthMethod;
import dev.acp4j.protocol.auth.AuthenticateRequest;
import dev.acp4j.protocol.auth.AuthenticateResponse;
import dev.acp4j.protocol.auth.LogoutRequest;
import dev.acp4j.protocol.auth.LogoutResponse;
import dev.acp4j.protocol.content.Annotations;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.content.EmbeddedResourceResource;
import dev.acp4j.protocol.content.Role;
import dev.acp4j.protocol.elicitation.CompleteElicitationNotification;
import dev.acp4j.protocol.elicitation.CreateElicitationRequest;
import dev.acp4j.protocol.elicitation.CreateElicitationResponse;
import dev.acp4j.protocol.elicitation.ElicitationCapabilities;
import dev.acp4j.protocol.elicitation.ElicitationFormCapabilities;
import dev.acp4j.protocol.elicitation.ElicitationPropertySchema;
import dev.acp4j.protocol.elicitation.ElicitationSchema;
import dev.acp4j.protocol.elicitation.ElicitationSchemaType;
import dev.acp4j.protocol.elicitation.ElicitationUrlCapabilities;
import dev.acp4j.protocol.elicitation.EnumOption;
import dev.acp4j.protocol.elicitation.MultiSelectItems;
import dev.acp4j.protocol.elicitation.StringFormat;
import dev.acp4j.protocol.fs.ReadTextFileRequest;
import dev.acp4j.protocol.fs.ReadTextFileResponse;
import dev.acp4j.protocol.fs.WriteTextFileRequest;
import dev.acp4j.protocol.fs.WriteTextFileResponse;
import dev.acp4j.protocol.initialization.AgentCapabilities;
import dev.acp4j.protocol.initialization.BooleanConfigOptionCapabilities;
import dev.acp4j.protocol.initialization.ClientCapabilities;
import dev.acp4j.protocol.initialization.ClientSessionCapabilities;
import dev.acp4j.protocol.initialization.FileSystemCapabilities;
import dev.acp4j.protocol.initialization.Implementation;
import dev.acp4j.protocol.initialization.InitializeRequest;
import dev.acp4j.protocol.initialization.InitializeResponse;
import dev.acp4j.protocol.initialization.McpCapabilities;
import dev.acp4j.protocol.initialization.PromptCapabilities;
import dev.acp4j.protocol.initialization.SessionAdditionalDirectoriesCapabilities;
import dev.acp4j.protocol.initialization.SessionCapabilities;
import dev.acp4j.protocol.initialization.SessionCloseCapabilities;
import dev.acp4j.protocol.initialization.SessionConfigOptionsCapabilities;
import dev.acp4j.protocol.initialization.SessionDeleteCapabilities;
import dev.acp4j.protocol.initialization.SessionListCapabilities;
import dev.acp4j.protocol.initialization.SessionResumeCapabilities;
import dev.acp4j.protocol.mcp.EnvVariable;
import dev.acp4j.protocol.mcp.HttpHeader;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.protocol.permission.PermissionOption;
import dev.acp4j.protocol.permission.PermissionOptionKind;
import dev.acp4j.protocol.permission.RequestPermissionOutcome;
import dev.acp4j.protocol.permission.RequestPermissionRequest;
import dev.acp4j.protocol.permission.RequestPermissionResponse;
import dev.acp4j.protocol.session.AvailableCommand;
import dev.acp4j.protocol.session.CancelNotification;
import dev.acp4j.protocol.session.CloseSessionRequest;
import dev.acp4j.protocol.session.CloseSessionResponse;
import dev.acp4j.protocol.session.Cost;
import dev.acp4j.protocol.session.DeleteSessionRequest;
import dev.acp4j.protocol.session.DeleteSessionResponse;
import dev.acp4j.protocol.session.ListSessionsRequest;
import dev.acp4j.protocol.session.ListSessionsResponse;
import dev.acp4j.protocol.session.LoadSessionRequest;
import dev.acp4j.protocol.session.LoadSessionResponse;
import dev.acp4j.protocol.session.NewSessionRequest;
import dev.acp4j.protocol.session.NewSessionResponse;
import dev.acp4j.protocol.session.PlanEntry;
import dev.acp4j.protocol.session.PlanEntryPriority;
import dev.acp4j.protocol.session.PlanEntryStatus;
import dev.acp4j.protocol.session.PromptRequest;
import dev.acp4j.protocol.session.PromptResponse;
import dev.acp4j.protocol.session.ResumeSessionRequest;
import dev.acp4j.protocol.session.ResumeSessionResponse;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionConfigOptionCategory;
import dev.acp4j.protocol.session.SessionConfigSelectGroup;
import dev.acp4j.protocol.session.SessionConfigSelectOption;
import dev.acp4j.protocol.session.SessionConfigSelectOptions;
import dev.acp4j.protocol.session.SessionInfo;
import dev.acp4j.protocol.session.SessionMode;
import dev.acp4j.protocol.session.SessionModeState;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.SetSessionConfigOptionRequest;
import dev.acp4j.protocol.session.SetSessionConfigOptionResponse;
import dev.acp4j.protocol.session.SetSessionModeRequest;
import dev.acp4j.protocol.session.SetSessionModeResponse;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.protocol.session.ToolCallContent;
import dev.acp4j.protocol.session.ToolCallLocation;
import dev.acp4j.protocol.session.ToolCallStatus;
import dev.acp4j.protocol.session.ToolCallUpdate;
import dev.acp4j.protocol.session.ToolKind;
import dev.acp4j.protocol.session.UnstructuredCommandInput;
import dev.acp4j.protocol.terminal.CreateTerminalRequest;
import dev.acp4j.protocol.terminal.CreateTerminalResponse;
import dev.acp4j.protocol.terminal.KillTerminalRequest;
import dev.acp4j.protocol.terminal.KillTerminalResponse;
import dev.acp4j.protocol.terminal.ReleaseTerminalRequest;
import dev.acp4j.protocol.terminal.ReleaseTerminalResponse;
import dev.acp4j.protocol.terminal.TerminalExitStatus;
import dev.acp4j.protocol.terminal.TerminalOutputRequest;
import dev.acp4j.protocol.terminal.TerminalOutputResponse;
import dev.acp4j.protocol.terminal.WaitForTerminalExitRequest;
import dev.acp4j.protocol.terminal.WaitForTerminalExitResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Representative, densely populated params and results for every ACP v1 method, to check against the schema. */
public final class ConformanceSamples {

    /** A value to send as the params ({@code defName} ends in Request/Notification) or result of {@code method}. */
    public record Sample(String method, String defName, Object value) {
        @Override
        public String toString() {
            return method + " " + defName + " " + value.getClass().getName().replaceFirst(".*\\.", "");
        }
    }

    private static final Map<String, Object> META = Map.of("trace", "abc", "n", 1);
    private static final String SID = "sess-1";

    private ConformanceSamples() {
    }

    public static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        initialization(samples);
        auth(samples);
        sessions(samples);
        prompt(samples);
        permission(samples);
        fileSystemAndTerminal(samples);
        elicitation(samples);
        samples.add(new Sample(AcpMethods.CANCEL_REQUEST, "CancelRequestNotification",
                new CancelRequestNotification(IntNode.valueOf(3), META)));
        samples.add(new Sample(AcpMethods.CANCEL_REQUEST, "CancelRequestNotification",
                CancelRequestNotification.of(TextNode.valueOf("req-7"))));
        return samples;
    }

    private static void initialization(List<Sample> samples) {
        ClientCapabilities client = new ClientCapabilities(new FileSystemCapabilities(true, false, META), true,
                new ClientSessionCapabilities(new SessionConfigOptionsCapabilities(
                        new BooleanConfigOptionCapabilities(null), META), META),
                new AuthCapabilities(true, META),
                new ElicitationCapabilities(new ElicitationFormCapabilities(null), new ElicitationUrlCapabilities(META),
                        META),
                META);
        samples.add(new Sample(AcpMethods.INITIALIZE, "InitializeRequest",
                new InitializeRequest(1, client, new Implementation("zed", "Zed", "1.0", META), META)));
        AgentCapabilities agent = new AgentCapabilities(true, new PromptCapabilities(true, true, true, META),
                new McpCapabilities(true, false, META),
                new SessionCapabilities(new SessionListCapabilities(null), new SessionDeleteCapabilities(null),
                        new SessionAdditionalDirectoriesCapabilities(null), new SessionResumeCapabilities(META),
                        new SessionCloseCapabilities(null), META),
                AgentAuthCapabilities.withLogout(), META);
        samples.add(new Sample(AcpMethods.INITIALIZE, "InitializeResponse",
                new InitializeResponse(1, agent, List.of(
                        new AuthMethod.Agent("oauth", "Sign in", "Browser sign-in", META),
                        new AuthMethod.Terminal("tty", "Terminal login", null, List.of("--login"),
                                Map.of("MODE", "login"), META)),
                        Implementation.of("acp4j", "acp4j", "0.1.0"), META)));
    }

    private static void auth(List<Sample> samples) {
        samples.add(new Sample(AcpMethods.AUTHENTICATE, "AuthenticateRequest", new AuthenticateRequest("oauth", META)));
        samples.add(new Sample(AcpMethods.AUTHENTICATE, "AuthenticateResponse", AuthenticateResponse.empty()));
        samples.add(new Sample(AcpMethods.LOGOUT, "LogoutRequest", new LogoutRequest(META)));
        samples.add(new Sample(AcpMethods.LOGOUT, "LogoutResponse", LogoutResponse.empty()));
    }

    private static void sessions(List<Sample> samples) {
        List<McpServer> servers = List.of(
                new McpServer.Stdio("fs", "/bin/mcp", List.of("-v"), List.of(new EnvVariable("A", "b", META)), META),
                new McpServer.Http("api", "https://mcp.example.com", List.of(new HttpHeader("X-K", "v", META)), META),
                new McpServer.Sse("sse", "https://mcp.example.com/sse", List.of(), null));
        SessionModeState modes = new SessionModeState("code", List.of(new SessionMode("code", "Code", "Writes", META),
                new SessionMode("ask", "Ask", null, null)), META);
        List<SessionConfigOption> options = configOptions();

        samples.add(new Sample(AcpMethods.SESSION_NEW, "NewSessionRequest",
                new NewSessionRequest("/home/u/p", List.of("/home/u/lib"), servers, META)));
        samples.add(new Sample(AcpMethods.SESSION_NEW, "NewSessionResponse",
                new NewSessionResponse(SID, modes, options, META)));
        samples.add(new Sample(AcpMethods.SESSION_NEW, "NewSessionResponse", NewSessionResponse.of(SID)));
        samples.add(new Sample(AcpMethods.SESSION_LOAD, "LoadSessionRequest",
                new LoadSessionRequest(SID, "/home/u/p", List.of("/x"), servers, META)));
        samples.add(new Sample(AcpMethods.SESSION_LOAD, "LoadSessionResponse", new LoadSessionResponse(modes, options,
                META)));
        samples.add(new Sample(AcpMethods.SESSION_LIST, "ListSessionsRequest", new ListSessionsRequest("/p", "c1", META)));
        samples.add(new Sample(AcpMethods.SESSION_LIST, "ListSessionsResponse", new ListSessionsResponse(List.of(
                new SessionInfo(SID, "/p", List.of("/q"), "Fix bug", "2026-01-01T00:00:00Z", META)), "c2", META)));
        samples.add(new Sample(AcpMethods.SESSION_RESUME, "ResumeSessionRequest",
                new ResumeSessionRequest(SID, "/p", List.of("/q"), servers, META)));
        samples.add(new Sample(AcpMethods.SESSION_RESUME, "ResumeSessionResponse",
                new ResumeSessionResponse(modes, options, META)));
        samples.add(new Sample(AcpMethods.SESSION_CLOSE, "CloseSessionRequest", new CloseSessionRequest(SID, META)));
        samples.add(new Sample(AcpMethods.SESSION_CLOSE, "CloseSessionResponse", CloseSessionResponse.empty()));
        samples.add(new Sample(AcpMethods.SESSION_DELETE, "DeleteSessionRequest", DeleteSessionRequest.of(SID)));
        samples.add(new Sample(AcpMethods.SESSION_DELETE, "DeleteSessionResponse", new DeleteSessionResponse(META)));
        samples.add(new Sample(AcpMethods.SESSION_SET_MODE, "SetSessionModeRequest",
                new SetSessionModeRequest(SID, "ask", META)));
        samples.add(new Sample(AcpMethods.SESSION_SET_MODE, "SetSessionModeResponse", SetSessionModeResponse.empty()));
        samples.add(new Sample(AcpMethods.SESSION_SET_CONFIG_OPTION, "SetSessionConfigOptionRequest",
                new SetSessionConfigOptionRequest.ValueId(SID, "model", "m2", META)));
        samples.add(new Sample(AcpMethods.SESSION_SET_CONFIG_OPTION, "SetSessionConfigOptionRequest",
                new SetSessionConfigOptionRequest.BooleanValue(SID, "fast", true, null)));
        samples.add(new Sample(AcpMethods.SESSION_SET_CONFIG_OPTION, "SetSessionConfigOptionResponse",
                new SetSessionConfigOptionResponse(options, META)));
    }

    private static List<SessionConfigOption> configOptions() {
        return List.of(
                new SessionConfigOption.SelectOption("model", "Model", "Which model", SessionConfigOptionCategory.MODEL,
                        "m1", SessionConfigSelectOptions.of(List.of(SessionConfigSelectOption.of("m1", "Model 1"),
                        new SessionConfigSelectOption("m2", "Model 2", "Bigger", META))), META),
                new SessionConfigOption.SelectOption("effort", "Effort", null,
                        new SessionConfigOptionCategory("vendor_effort"), "low",
                        new SessionConfigSelectOptions.Grouped(List.of(new SessionConfigSelectGroup("g", "Group",
                                List.of(SessionConfigSelectOption.of("low", "Low")), META))), null),
                new SessionConfigOption.BooleanOption("fast", "Fast", null, SessionConfigOptionCategory.THOUGHT_LEVEL,
                        false, META));
    }

    private static void prompt(List<Sample> samples) {
        Annotations annotations = new Annotations(List.of(Role.USER), "2026-01-01T00:00:00Z", 0.5, META);
        List<ContentBlock> prompt = List.of(
                new ContentBlock.Text("hello", annotations, META),
                new ContentBlock.Image("aGk=", "image/png", "file:///a.png", annotations, META),
                new ContentBlock.Audio("aGk=", "audio/wav", null, META),
                new ContentBlock.ResourceLink("a.txt", "file:///a.txt", "A", "d", "text/plain", 3L, annotations, META),
                new ContentBlock.Resource(new EmbeddedResourceResource.TextResourceContents("file:///b", "b",
                        "text/plain", META), annotations, META),
                new ContentBlock.Resource(new EmbeddedResourceResource.BlobResourceContents("file:///c", "AAE=",
                        null, null), null, null));
        samples.add(new Sample(AcpMethods.SESSION_PROMPT, "PromptRequest", new PromptRequest(SID, prompt, META)));
        samples.add(new Sample(AcpMethods.SESSION_PROMPT, "PromptResponse", new PromptResponse(StopReason.END_TURN,
                META)));
        samples.add(new Sample(AcpMethods.SESSION_CANCEL, "CancelNotification", new CancelNotification(SID, META)));

        ContentBlock text = ContentBlock.text("x");
        List<ToolCallContent> toolContent = List.of(new ToolCallContent.Content(text, META),
                new ToolCallContent.Diff("/a", "old", "new", META), new ToolCallContent.Diff("/n", null, "new", null),
                new ToolCallContent.Terminal("term-1", META));
        List<ToolCallLocation> locations = List.of(new ToolCallLocation("/a", 3, META));
        var rawInput = JsonNodeFactory.instance.objectNode().put("path", "/a");
        List<SessionUpdate> updates = List.of(
                new SessionUpdate.UserMessageChunk(text, "m1", META),
                new SessionUpdate.AgentMessageChunk(text, null, null),
                new SessionUpdate.AgentThoughtChunk(text, "m2", META),
                new SessionUpdate.ToolCall("t1", "Read", ToolKind.READ, ToolCallStatus.IN_PROGRESS, toolContent,
                        locations, rawInput, JsonNodeFactory.instance.arrayNode().add(1), META),
                new SessionUpdate.ToolCallUpdateNotification(new ToolCallUpdate("t1", "Read a", ToolKind.SWITCH_MODE,
                        ToolCallStatus.COMPLETED, toolContent, locations, rawInput, TextNode.valueOf("ok"), META)),
                new SessionUpdate.Plan(List.of(new PlanEntry("step", PlanEntryPriority.MEDIUM,
                        PlanEntryStatus.PENDING, META)), META),
                new SessionUpdate.AvailableCommandsUpdate(List.of(AvailableCommand.of("web", "Search"),
                        new AvailableCommand("test", "Run tests",
                                new UnstructuredCommandInput("which tests", META), META)),
                        META),
                new SessionUpdate.CurrentModeUpdate("ask", META),
                new SessionUpdate.ConfigOptionUpdate(configOptions(), META),
                new SessionUpdate.SessionInfoUpdate("Title", "2026-01-01T00:00:00Z", META),
                new SessionUpdate.UsageUpdate(1200, 200000, new Cost(0.25, "USD", META), META));
        for (SessionUpdate update : updates) {
            samples.add(new Sample(AcpMethods.SESSION_UPDATE, "SessionNotification",
                    new SessionNotification(SID, update, META)));
        }
    }

    private static void permission(List<Sample> samples) {
        samples.add(new Sample(AcpMethods.SESSION_REQUEST_PERMISSION, "RequestPermissionRequest",
                new RequestPermissionRequest(SID, new ToolCallUpdate("t1", "Run rm", ToolKind.DELETE,
                        ToolCallStatus.PENDING, null, null, null, null, null),
                        List.of(new PermissionOption("a", "Allow", PermissionOptionKind.ALLOW_ALWAYS, META),
                                PermissionOption.of("r", "Reject", PermissionOptionKind.REJECT_ONCE)), META)));
        samples.add(new Sample(AcpMethods.SESSION_REQUEST_PERMISSION, "RequestPermissionResponse",
                new RequestPermissionResponse(new RequestPermissionOutcome.Selected("a", META), META)));
        samples.add(new Sample(AcpMethods.SESSION_REQUEST_PERMISSION, "RequestPermissionResponse",
                RequestPermissionResponse.of(RequestPermissionOutcome.cancelled())));
    }

    private static void fileSystemAndTerminal(List<Sample> samples) {
        samples.add(new Sample(AcpMethods.FS_READ_TEXT_FILE, "ReadTextFileRequest",
                new ReadTextFileRequest(SID, "/a", 10, 20, META)));
        samples.add(new Sample(AcpMethods.FS_READ_TEXT_FILE, "ReadTextFileResponse", ReadTextFileResponse.of("text")));
        samples.add(new Sample(AcpMethods.FS_WRITE_TEXT_FILE, "WriteTextFileRequest",
                new WriteTextFileRequest(SID, "/a", "text", META)));
        samples.add(new Sample(AcpMethods.FS_WRITE_TEXT_FILE, "WriteTextFileResponse", WriteTextFileResponse.empty()));
        samples.add(new Sample(AcpMethods.TERMINAL_CREATE, "CreateTerminalRequest", new CreateTerminalRequest(SID,
                "npm", List.of("test"), List.of(EnvVariable.of("CI", "1")), "/p", 4096L, META)));
        samples.add(new Sample(AcpMethods.TERMINAL_CREATE, "CreateTerminalResponse",
                new CreateTerminalResponse("term-1", META)));
        samples.add(new Sample(AcpMethods.TERMINAL_OUTPUT, "TerminalOutputRequest",
                new TerminalOutputRequest(SID, "term-1", META)));
        samples.add(new Sample(AcpMethods.TERMINAL_OUTPUT, "TerminalOutputResponse",
                new TerminalOutputResponse("out", true, new TerminalExitStatus(0, null, META), META)));
        samples.add(new Sample(AcpMethods.TERMINAL_RELEASE, "ReleaseTerminalRequest",
                ReleaseTerminalRequest.of(SID, "term-1")));
        samples.add(new Sample(AcpMethods.TERMINAL_RELEASE, "ReleaseTerminalResponse", ReleaseTerminalResponse.empty()));
        samples.add(new Sample(AcpMethods.TERMINAL_WAIT_FOR_EXIT, "WaitForTerminalExitRequest",
                WaitForTerminalExitRequest.of(SID, "term-1")));
        samples.add(new Sample(AcpMethods.TERMINAL_WAIT_FOR_EXIT, "WaitForTerminalExitResponse",
                new WaitForTerminalExitResponse(null, "SIGTERM", META)));
        samples.add(new Sample(AcpMethods.TERMINAL_KILL, "KillTerminalRequest", KillTerminalRequest.of(SID, "term-1")));
        samples.add(new Sample(AcpMethods.TERMINAL_KILL, "KillTerminalResponse", KillTerminalResponse.empty()));
    }

    private static void elicitation(List<Sample> samples) {
        Map<String, ElicitationPropertySchema> properties = new LinkedHashMap<>();
        properties.put("email", new ElicitationPropertySchema.StringSchema("Email", "Your email", 3, 100, ".+@.+",
                StringFormat.EMAIL, "a@b.c", null, null, META));
        properties.put("color", new ElicitationPropertySchema.StringSchema(null, null, null, null, null, null, "red",
                List.of("red", "blue"), List.of(new EnumOption("red", "Red", "Warm", META)), null));
        properties.put("ratio", new ElicitationPropertySchema.NumberSchema("Ratio", null, 0.0, 1.0, 0.5, META));
        properties.put("count", new ElicitationPropertySchema.IntegerSchema("Count", null, 1L, 9L, 3L, META));
        properties.put("ok", new ElicitationPropertySchema.BooleanSchema("OK", "Sure?", true, META));
        properties.put("tags", new ElicitationPropertySchema.ArraySchema("Tags", null, 1L, 2L,
                new MultiSelectItems.StringItems(List.of("a", "b"), META), List.of("a"), META));
        properties.put("picks", new ElicitationPropertySchema.ArraySchema(null, null, null, null,
                new MultiSelectItems.TitledItems(List.of(EnumOption.of("x", "X")), META), null, null));
        ElicitationSchema schema = new ElicitationSchema(ElicitationSchemaType.OBJECT, "Settings", "All of them",
                properties, List.of("email"), META);

        samples.add(new Sample(AcpMethods.ELICITATION_CREATE, "CreateElicitationRequest",
                new CreateElicitationRequest.Form("Configure", schema, SID, "t1", null, META)));
        samples.add(new Sample(AcpMethods.ELICITATION_CREATE, "CreateElicitationRequest",
                new CreateElicitationRequest.Form("Configure", ElicitationSchema.of(Map.of(), null), null, null,
                        TextNode.valueOf("r1"), null)));
        samples.add(new Sample(AcpMethods.ELICITATION_CREATE, "CreateElicitationRequest",
                CreateElicitationRequest.urlForRequest(IntNode.valueOf(4), "el-1", "https://a.example/x", "Sign in")));
        samples.add(new Sample(AcpMethods.ELICITATION_CREATE, "CreateElicitationRequest",
                CreateElicitationRequest.urlForSession(SID, "el-2", "https://a.example/y", "Authorize MCP")));
        Map<String, JsonNode> content = new LinkedHashMap<>();
        content.put("email", TextNode.valueOf("a@b.c"));
        content.put("count", IntNode.valueOf(3));
        content.put("ok", JsonNodeFactory.instance.booleanNode(true));
        content.put("tags", JsonNodeFactory.instance.arrayNode().add("a"));
        samples.add(new Sample(AcpMethods.ELICITATION_CREATE, "CreateElicitationResponse",
                new CreateElicitationResponse.Accept(content, META)));
        samples.add(new Sample(AcpMethods.ELICITATION_CREATE, "CreateElicitationResponse",
                new CreateElicitationResponse.Decline(null)));
        samples.add(new Sample(AcpMethods.ELICITATION_CREATE, "CreateElicitationResponse",
                new CreateElicitationResponse.Cancel(META)));
        samples.add(new Sample(AcpMethods.ELICITATION_COMPLETE, "CompleteElicitationNotification",
                new CompleteElicitationNotification("el-1", META)));
    }
}
