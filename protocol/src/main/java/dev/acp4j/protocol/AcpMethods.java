package dev.acp4j.protocol;

/** The ACP v1 method names, as listed in the schema's {@code meta.json}. */
public final class AcpMethods {

    // Methods the agent implements (client to agent).
    public static final String INITIALIZE = "initialize";
    public static final String AUTHENTICATE = "authenticate";
    public static final String LOGOUT = "logout";
    public static final String SESSION_NEW = "session/new";
    public static final String SESSION_LOAD = "session/load";
    public static final String SESSION_LIST = "session/list";
    public static final String SESSION_RESUME = "session/resume";
    public static final String SESSION_CLOSE = "session/close";
    public static final String SESSION_DELETE = "session/delete";
    public static final String SESSION_PROMPT = "session/prompt";
    public static final String SESSION_CANCEL = "session/cancel";
    public static final String SESSION_SET_MODE = "session/set_mode";
    public static final String SESSION_SET_CONFIG_OPTION = "session/set_config_option";

    // Methods the client implements (agent to client).
    public static final String SESSION_UPDATE = "session/update";
    public static final String SESSION_REQUEST_PERMISSION = "session/request_permission";
    public static final String FS_READ_TEXT_FILE = "fs/read_text_file";
    public static final String FS_WRITE_TEXT_FILE = "fs/write_text_file";
    public static final String TERMINAL_CREATE = "terminal/create";
    public static final String TERMINAL_OUTPUT = "terminal/output";
    public static final String TERMINAL_RELEASE = "terminal/release";
    public static final String TERMINAL_WAIT_FOR_EXIT = "terminal/wait_for_exit";
    public static final String TERMINAL_KILL = "terminal/kill";
    public static final String ELICITATION_CREATE = "elicitation/create";
    public static final String ELICITATION_COMPLETE = "elicitation/complete";

    // Protocol-level methods (either side).
    public static final String CANCEL_REQUEST = "$/cancel_request";

    private AcpMethods() {
    }
}
