package dev.acp4j.conformance.fake;

import java.nio.file.Path;
import java.util.List;

/** The command line that starts {@link FakeAgent} on the same JDK and class path as the tests. */
public final class FakeAgentCommand {

    private FakeAgentCommand() {
    }

    public static List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), FakeAgent.class.getName());
    }
}
