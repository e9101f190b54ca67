package dev.acp4j.protocol;

/** The ACP v1 method names, as listed in the schema's {@code meta.json}. */
public final class AcpMethods {

    // Methods the agent implements (client to agent).
    /** {@code initialize} */
    public static final String INITIALIZE = "initialize";
    /** {@code authenticate} */
    public static final String AUTHENTICATE = "authenticate";
    /** {@code logout} */
    public static final String LOGOUT = "logout";
    /** {@code session/new} */
    public static final String SESSION_NEW = "session/new";
    /** {@code session/load} */
    public static final String SESSION_LOAD = "session/load";
    /** {@code session/list} */
    public static final String SESSION_LIST = "session/list";
    /** {@code session/resume} */
    public static final String SESSION_RESUME = "session/resume";
    /** {@code session/close} */
    public static final String SESSION_CLOSE = "session/close";
    /** {@code session/delete} */
    public static final String SESSION_DELETE = "session/delete";
    /** {@code session/prompt} */
    public static final String SESSION_PROMPT = "session/prompt";
    /** {@code session/cancel} */
    public static final String SESSION_CANCEL = "session/cancel";
    /** {@code session/set_mode} */
    public static final String SESSION_SET_MODE = "session/set_mode";
    /** {@code session/set_config_option} */
    public static final String SESSION_SET_CONFIG_OPTION = "session/set_config_option";

    // Methods the client implements (agent to client).
    /** {@code session/update} */
    public static final String SESSION_UPDATE = "session/update";
    /** {@code session/request_permission} */
    public static final String SESSION_REQUEST_PERMISSION = "session/request_permission";
    /** {@code fs/read_text_file} */
    public static final String FS_READ_TEXT_FILE = "fs/read_text_file";
    /** {@code fs/write_text_file} */
    public static final String FS_WRITE_TEXT_FILE = "fs/write_text_file";
    /** {@code terminal/create} */
    public static final String TERMINAL_CREATE = "terminal/create";
    /** {@code terminal/output} */
    public static final String TERMINAL_OUTPUT = "terminal/output";
    /** {@code terminal/release} */
    public static final String TERMINAL_RELEASE = "terminal/release";
    /** {@code terminal/wait_for_exit} */
    public static final String TERMINAL_WAIT_FOR_EXIT = "terminal/wait_for_exit";
    /** {@code terminal/kill} */
    public static final String TERMINAL_KILL = "terminal/kill";
    /** {@code elicitation/create} */
    public static final String ELICITATION_CREATE = "elicitation/create";
    /** {@code elicitation/complete} */
    public static final String ELICITATION_COMPLETE = "elicitation/complete";

    // Protocol-level methods (either side).
    /** {@code $/cancel_request} */
    public static final String CANCEL_REQUEST = "$/cancel_request";

    private AcpMethods() {
    }
}
