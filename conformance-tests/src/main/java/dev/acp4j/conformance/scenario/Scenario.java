package dev.acp4j.conformance.scenario;

import dev.acp4j.conformance.catalog.Requirement;
import java.util.List;

/**
 * One conversation with a fresh agent process, judging the requirements it covers. A scenario
 * that stops early (an {@link dev.acp4j.conformance.driver.AgentFailure}, a timeout) fails every
 * covered requirement it has not judged yet, with the reason.
 */
public interface Scenario {

    /** A short stable name, used for transcripts and the JSON report. */
    String name();

    List<Requirement> covers();

    void run(ScenarioContext context);
}
