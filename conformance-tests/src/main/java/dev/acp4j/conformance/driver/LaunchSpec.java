package dev.acp4j.conformance.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start the agent under test.
 *
 * @param command     the agent command and its arguments
 * @param extraEnv    variables added to (or replacing in) the harness's own environment
 * @param isolateHome give the agent an empty temporary HOME (with XDG_CONFIG_HOME inside it)
 * @param workDir     the agent's working directory, or null for the harness's
 */
public record LaunchSpec(List<String> command, Map<String, String> extraEnv, boolean isolateHome, Path workDir) {

    public LaunchSpec {
        command = List.copyOf(command);
        extraEnv = Map.copyOf(extraEnv);
    }
}
