package dev.acp4j.auth;

/**
 * A sign-in that agent code asked for during a prompt turn ({@code PromptTurn.signIn}) did not
 * happen. The message says why in words the user can read (it never holds a secret), so an agent
 * can pass it on, e.g. {@code turn.sendText("Cannot use Beta: " + e.getMessage())}; {@link #reason()}
 * tells the cases apart.
 */
public final class SignInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the sign-in did not happen. */
    public enum Reason {
        /** The user declined the elicitation in the client. */
        DECLINED,
        /** The user dismissed the elicitation without choosing. */
        CANCELLED,
        /** Nobody finished the sign-in within its time ({@code elicitationTimeoutSeconds}, or the method's own). */
        TIMED_OUT,
        /** The client did not advertise {@code elicitation.url}, so it cannot send the user to the sign-in page. */
        NO_URL_ELICITATION,
        /** The method cannot sign in during a turn (an {@code env_var}, {@code start_param} or {@code terminal} method). */
        NOT_INTERACTIVE,
        /** No auth method has that id. */
        UNKNOWN_METHOD,
        /** The sign-in started and failed (the authorization server refused, the client answered an error, …). */
        FAILED
    }

    /** Why the sign-in did not happen. */
    private final Reason reason;
    /** The id of the auth method the sign-in was asked for. */
    private final String methodId;

    SignInException(Reason reason, String methodId, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.methodId = methodId;
    }

    /** {@return why the sign-in did not happen} */
    public Reason reason() {
        return reason;
    }

    /** {@return the id of the auth method the sign-in was asked for} */
    public String methodId() {
        return methodId;
    }
}
