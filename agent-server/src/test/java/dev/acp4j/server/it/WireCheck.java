package dev.acp4j.server.it;

/** Validates what a launcher process wrote against acp4j's wire schema. */
final class WireCheck {

    private WireCheck() {
    }

    static void assertValid(AgentProcess process) {
        // Wired to the schema module's TranscriptValidator once it lands.
    }
}
