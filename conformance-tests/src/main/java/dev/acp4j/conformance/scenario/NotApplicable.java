package dev.acp4j.conformance.scenario;

/**
 * Thrown by a scenario that cannot go on for a reason that is no fault of the agent (for instance
 * a sign-in the harness cannot complete without {@code --auth-secret}): the requirements it has
 * not judged yet are reported SKIP with this reason.
 */
public final class NotApplicable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotApplicable(String reason) {
        super(reason, null, false, false);
    }
}
