package dev.acp4j.conformance.scenario;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import java.util.List;

/** Every scenario, and which of them a selection of requirements needs. */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                new InitializeScenario(),
                new TerminalCapableInitializeScenario(),
                new VersionNegotiationScenario(),
                new IdEchoScenario(),
                new NotificationScenario(),
                new ParseErrorScenario(),
                new InvalidRequestScenario(),
                new MethodNotFoundScenario(),
                new UnauthenticatedSessionScenario(),
                new AuthenticatedSessionScenario(),
                new AuthenticateInvalidMethodScenario(),
                new CapabilityRespectScenario(),
                new CancelScenario(),
                new EofScenario(),
                new UrlElicitationScenario());
    }

    /**
     * The scenarios covering any selected requirement; all of them when a transcript-wide
     * requirement (judged over every scenario's transcript) is selected.
     */
    public static List<Scenario> needed(List<Requirement> selected) {
        if (selected.stream().anyMatch(Catalog.TRANSCRIPT_WIDE::contains)) {
            return all();
        }
        return all().stream().filter(s -> s.covers().stream().anyMatch(selected::contains)).toList();
    }
}
