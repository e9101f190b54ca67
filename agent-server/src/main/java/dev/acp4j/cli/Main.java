package dev.acp4j.cli;

import dev.acp4j.server.ServerVersion;
import dev.acp4j.server.builtin.BuiltinAgent;

/** {@code bin/acp4j}: the built-in agent, through the same {@link AcpLauncher} as every agent. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the built-in agent and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // before the agent exists: the answer an editor waits for, when an earlier launch left it
        FirstAnswerCache.Launch launch = FirstAnswerCache.Launch.start(NAME, args, true);
        launcher().main(args, Main.class, launch);
    }

    private static final String NAME = "acp4j";

    static AcpLauncher launcher() {
        return AcpLauncher.builder()
                .name(NAME)
                .title(NAME)
                .version(ServerVersion.VERSION)
                .agent(new BuiltinAgent())
                .builtInDefaultConfig()
                .build();
    }
}
