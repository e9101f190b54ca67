package dev.acp4j.conformance.catalog;

import java.util.List;
import java.util.Optional;

/** The requirement catalog: every rule the harness checks, with a stable id. */
public final class Catalog {

    private static final String TRANSPORTS = "ACP Transports, stdio";
    private static final String JSONRPC = "JSON-RPC 2.0 ";

    public static final Requirement STDOUT_ONLY_JSON = new Requirement("jsonrpc.stdout-only-json",
            Level.REQUIRED, TRANSPORTS,
            "every line the agent writes to stdout, in every scenario, parses as one JSON-RPC 2.0 object");
    public static final Requirement ID_ECHOED = new Requirement("jsonrpc.id-echoed",
            Level.REQUIRED, JSONRPC + "section 5 (Response object, id)",
            "a string id and the integer id 9007199254740993 come back exactly as sent");
    public static final Requirement RESULT_XOR_ERROR = new Requirement("jsonrpc.result-xor-error",
            Level.REQUIRED, JSONRPC + "section 5 (Response object) and 5.1 (Error object)",
            "every response carries exactly one of result/error; an error has an integer code and a string message");
    public static final Requirement NOTIFICATIONS_NOT_ANSWERED = new Requirement("jsonrpc.notifications-not-answered",
            Level.REQUIRED, JSONRPC + "section 4.1 (Notification)",
            "after an unknown notification and session/cancel for an unknown session, the only response is the next request's");
    public static final Requirement PARSE_ERROR = new Requirement("jsonrpc.parse-error",
            Level.REQUIRED, JSONRPC + "section 5.1 (Parse error -32700)",
            "a malformed line gets error -32700 with id null, and the agent then still answers a request");
    public static final Requirement INVALID_REQUEST = new Requirement("jsonrpc.invalid-request",
            Level.REQUIRED, JSONRPC + "sections 5.1 and 6 (Invalid Request -32600)",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7} and [] each get error -32600");
    public static final Requirement METHOD_NOT_FOUND = new Requirement("jsonrpc.method-not-found",
            Level.REQUIRED, JSONRPC + "section 5.1 (Method not found -32601)",
            "a request for an unknown method gets error -32601 with its id");
    public static final Requirement UNDERSCORE_METHOD_ANSWERED = new Requirement("jsonrpc.underscore-method-answered",
            Level.REQUIRED, "ACP Extensibility, custom requests",
            "an unknown '_'-prefixed request is answered (result or error, -32601 is fine)");
    public static final Requirement INITIALIZE = new Requirement("init.initialize",
            Level.REQUIRED, "ACP Initialization; official schema InitializeResponse",
            "initialize with empty client capabilities succeeds and its result is valid against the official schema");
    public static final Requirement VERSION_NEGOTIATION = new Requirement("init.version-negotiation",
            Level.REQUIRED, "ACP Initialization, protocol version",
            "initialize with protocolVersion 65535 answers a version the agent supports (an integer, never 65535)");
    public static final Requirement TERMINAL_REQUIRES_CAPABILITY = new Requirement("auth.terminal-requires-capability",
            Level.REQUIRED, "official schema AuthMethodTerminal; AUTH-PROFILE.md section 1",
            "no 'terminal' auth method unless clientCapabilities.auth.terminal is true; with it, initialize still succeeds");
    public static final Requirement METHOD_IDS_UNIQUE = new Requirement("auth.method-ids-unique",
            Level.REQUIRED, "official schema AuthMethod id; AUTH-PROFILE.md section 1",
            "the advertised authMethods have unique ids");
    public static final Requirement UNAUTHENTICATED_SESSION_NEW = new Requirement("auth.session-new-unauthenticated",
            Level.REQUIRED, "ACP Authentication; official schema ErrorCode; AUTH-PROFILE.md section 3",
            "unauthenticated session/new succeeds or fails with exactly -32000 (and never -32000 without auth methods)");
    public static final Requirement AUTHENTICATED_SESSION_NEW = new Requirement("auth.authenticated-session-new",
            Level.REQUIRED, "ACP Authentication; AUTH-PROFILE.md section 2",
            "after authenticate with --auth-method, authenticate returns a result and session/new succeeds");
    public static final Requirement LOGOUT = new Requirement("auth.logout",
            Level.REQUIRED, "official schema AgentAuthCapabilities.logout; AUTH-PROFILE.md section 4",
            "when agentCapabilities.auth.logout is advertised, logout returns an object");
    public static final Requirement CAPABILITIES_RESPECTED = new Requirement("client.capabilities-respected",
            Level.REQUIRED, "ACP Initialization, client capabilities; ACP Elicitation",
            "no fs/*, terminal/* or elicitation/create request reaches a client that advertised none (initialize, session/new, a prompt)");
    public static final Requirement CANCEL = new Requirement("prompt.cancel",
            Level.REQUIRED, "ACP Prompt Turn, cancellation; official schema StopReason",
            "session/cancel during a running prompt makes it end with stopReason 'cancelled'");
    public static final Requirement EXIT_ON_EOF = new Requirement("transport.exit-on-eof",
            Level.REQUIRED, TRANSPORTS + " (the client owns the subprocess)",
            "the agent exits within 2 s of stdin EOF");
    public static final Requirement AGENT_INFO = new Requirement("advisory.agent-info",
            Level.ADVISORY, "official schema InitializeResponse.agentInfo; AUTH-PROFILE.md section 1",
            "initialize advertises agentInfo with name and version");
    public static final Requirement ERROR_MESSAGE_SINGLE_LINE = new Requirement("advisory.error-message-single-line",
            Level.ADVISORY, JSONRPC + "section 5.1 (message: a concise single sentence)",
            "every error message the agent sends is a single line");
    public static final Requirement STDERR_VOLUME = new Requirement("advisory.stderr-volume",
            Level.ADVISORY, TRANSPORTS + " (stderr is for logging)",
            "the bytes written to stderr during the run stay within --stderr-budget");
    public static final Requirement MESSAGES_SCHEMA_VALID = new Requirement("advisory.messages-schema-valid",
            Level.ADVISORY, "official schema (the x-method definitions; Error)",
            "every agent message of a known method (responses to the harness's ACP requests, notifications, "
                    + "requests to the client) and every error object validates against the official schema");
    public static final Requirement REQUIRES_RESTART = new Requirement("ext.requires-restart",
            Level.EXTENSION, "AUTH-PROFILE.md section 1",
            "every env_var / start_param auth method carries a boolean requiresRestart");
    public static final Requirement AUTH_REQUIRED_METHOD_IDS = new Requirement("ext.auth-required-method-ids",
            Level.EXTENSION, "AUTH-PROFILE.md section 3",
            "an AUTH_REQUIRED (-32000) error carries data.availableMethodIds: advertised, non-terminal ids");
    public static final Requirement AUTHENTICATE_INVALID_METHOD = new Requirement("ext.authenticate-invalid-method",
            Level.EXTENSION, "AUTH-PROFILE.md section 2",
            "authenticate with an unknown methodId, or with an advertised terminal method, fails with -32602");
    public static final Requirement URL_ELICITATION = new Requirement("ext.url-elicitation-request-scoped",
            Level.EXTENSION, "AUTH-PROFILE.md section 2; official schema ElicitationRequestScope",
            "authenticate with an agent method toward a client with elicitation.url sends URL elicitations scoped "
                    + "to the authenticate request with unique elicitationIds; declining fails the authenticate");

    private static final List<Requirement> ALL = List.of(
            STDOUT_ONLY_JSON, ID_ECHOED, RESULT_XOR_ERROR, NOTIFICATIONS_NOT_ANSWERED, PARSE_ERROR,
            INVALID_REQUEST, METHOD_NOT_FOUND, UNDERSCORE_METHOD_ANSWERED, INITIALIZE, VERSION_NEGOTIATION,
            TERMINAL_REQUIRES_CAPABILITY, METHOD_IDS_UNIQUE, UNAUTHENTICATED_SESSION_NEW, AUTHENTICATED_SESSION_NEW,
            LOGOUT, CAPABILITIES_RESPECTED, CANCEL, EXIT_ON_EOF,
            AGENT_INFO, ERROR_MESSAGE_SINGLE_LINE, STDERR_VOLUME, MESSAGES_SCHEMA_VALID,
            REQUIRES_RESTART, AUTH_REQUIRED_METHOD_IDS, AUTHENTICATE_INVALID_METHOD, URL_ELICITATION);

    /** Requirements judged over every scenario's transcript rather than by one scenario. */
    public static final List<Requirement> TRANSCRIPT_WIDE = List.of(
            STDOUT_ONLY_JSON, RESULT_XOR_ERROR, ERROR_MESSAGE_SINGLE_LINE, STDERR_VOLUME, MESSAGES_SCHEMA_VALID);

    private Catalog() {
    }

    /** Every requirement, in report order. */
    public static List<Requirement> all() {
        return ALL;
    }

    public static Optional<Requirement> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
