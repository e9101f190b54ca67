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
        launcher().main(args);
    }

    static AcpLauncher launcher() {
        return AcpLauncher.builder()
                .name("acp4j")
                .title("acp4j")
                .version(ServerVersion.VERSION)
                .agent(new BuiltinAgent())
                .builtInDefaultConfig()
                .build();
    }
}
