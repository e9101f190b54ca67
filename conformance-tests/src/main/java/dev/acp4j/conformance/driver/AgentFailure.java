package dev.acp4j.conformance.driver;

/** The agent did not behave well enough for a scenario to continue; the message is a report reason. */
public class AgentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentFailure(String reason) {
        super(reason);
    }
}
