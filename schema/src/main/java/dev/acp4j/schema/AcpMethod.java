package dev.acp4j.schema;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every ACP v1 method acp4j knows: its wire name, which side handles it, and the schema
 * types ({@code $defs} of {@code acp4j.schema.json}) of its params and result. A method
 * without a result type is a notification.
 */
public enum AcpMethod {

    INITIALIZE("initialize", Receiver.AGENT, "InitializeRequest", "InitializeResponse"),
    AUTHENTICATE("authenticate", Receiver.AGENT, "AuthenticateRequest", "AuthenticateResponse"),
    LOGOUT("logout", Receiver.AGENT, "LogoutRequest", "LogoutResponse"),
    SESSION_NEW("session/new", Receiver.AGENT, "NewSessionRequest", "NewSessionResponse"),
    SESSION_LOAD("session/load", Receiver.AGENT, "LoadSessionRequest", "LoadSessionResponse"),
    SESSION_LIST("session/list", Receiver.AGENT, "ListSessionsRequest", "ListSessionsResponse"),
    SESSION_RESUME("session/resume", Receiver.AGENT, "ResumeSessionRequest", "ResumeSessionResponse"),
    SESSION_CLOSE("session/close", Receiver.AGENT, "CloseSessionRequest", "CloseSessionResponse"),
    SESSION_DELETE("session/delete", Receiver.AGENT, "DeleteSessionRequest", "DeleteSessionResponse"),
    SESSION_PROMPT("session/prompt", Receiver.AGENT, "PromptRequest", "PromptResponse"),
    SESSION_CANCEL("session/cancel", Receiver.AGENT, "CancelNotification", null),
    SESSION_SET_MODE("session/set_mode", Receiver.AGENT, "SetSessionModeRequest", "SetSessionModeResponse"),
    SESSION_SET_CONFIG_OPTION("session/set_config_option", Receiver.AGENT,
            "SetSessionConfigOptionRequest", "SetSessionConfigOptionResponse"),

    SESSION_UPDATE("session/update", Receiver.CLIENT, "SessionNotification", null),
    SESSION_REQUEST_PERMISSION("session/request_permission", Receiver.CLIENT,
            "RequestPermissionRequest", "RequestPermissionResponse"),
    FS_READ_TEXT_FILE("fs/read_text_file", Receiver.CLIENT, "ReadTextFileRequest", "ReadTextFileResponse"),
    FS_WRITE_TEXT_FILE("fs/write_text_file", Receiver.CLIENT, "WriteTextFileRequest", "WriteTextFileResponse"),
    TERMINAL_CREATE("terminal/create", Receiver.CLIENT, "CreateTerminalRequest", "CreateTerminalResponse"),
    TERMINAL_OUTPUT("terminal/output", Receiver.CLIENT, "TerminalOutputRequest", "TerminalOutputResponse"),
    TERMINAL_RELEASE("terminal/release", Receiver.CLIENT, "ReleaseTerminalRequest", "ReleaseTerminalResponse"),
    TERMINAL_WAIT_FOR_EXIT("terminal/wait_for_exit", Receiver.CLIENT,
            "WaitForTerminalExitRequest", "WaitForTerminalExitResponse"),
    TERMINAL_KILL("terminal/kill", Receiver.CLIENT, "KillTerminalRequest", "KillTerminalResponse"),
    ELICITATION_CREATE("elicitation/create", Receiver.CLIENT, "CreateElicitationRequest", "CreateElicitationResponse"),
    ELICITATION_COMPLETE("elicitation/complete", Receiver.CLIENT, "CompleteElicitationNotification", null),

    CANCEL_REQUEST("$/cancel_request", Receiver.EITHER, "CancelRequestNotification", null);

    /** The side that handles (receives) a method. */
    public enum Receiver { AGENT, CLIENT, EITHER }

    private static final Map<String, AcpMethod> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AcpMethod::wireName, Function.identity()));

    private final String wireName;
    private final Receiver receiver;
    private final String paramsType;
    private final String resultType;

    AcpMethod(String wireName, Receiver receiver, String paramsType, String resultType) {
        this.wireName = wireName;
        this.receiver = receiver;
        this.paramsType = paramsType;
        this.resultType = resultType;
    }

    public static Optional<AcpMethod> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /** Extension methods (and their notifications) start with an underscore. */
    public static boolean isExtension(String wireName) {
        return wireName.startsWith("_");
    }

    public String wireName() {
        return wireName;
    }

    public Receiver receiver() {
        return receiver;
    }

    public String paramsType() {
        return paramsType;
    }

    /** The result type; empty for a notification. */
    public Optional<String> resultType() {
        return Optional.ofNullable(resultType);
    }

    public boolean isNotification() {
        return resultType == null;
    }

    /** Whether a message of this method may travel in {@code direction}. */
    public boolean travels(Direction direction) {
        return receiver == Receiver.EITHER
                || receiver == (direction == Direction.IN ? Receiver.AGENT : Receiver.CLIENT);
    }
}
