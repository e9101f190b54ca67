package dev.acp4j.server.it;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.cli.AcpLauncher;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.config.ServerConfig;

/** A second agent on the public launcher, for the identity tests: its own name, methods and provider. */
public final class NotesAgentMain {

    private NotesAgentMain() {
    }

    public static void main(String[] args) {
        AcpLauncher.builder()
                .name("notes-agent")
                .title("Notes Agent")
                .version("2.0.0")
                .agent(turn -> {
                    turn.sendText("notes: " + turn.text());
                    return StopReason.END_TURN;
                })
                .defaultConfig(ServerConfig.builder()
                        .authMethod(AuthMethodConfig.apiKeyPage("notes-key-page", "Enter a Notes API key")
                                .provider("notes").build())
                        .authMethod(AuthMethodConfig.envVar("notes-key-env", "Notes key from the environment")
                                .provider("notes").variable("NOTES_API_KEY", "API key").build())
                        .build())
                .build()
                .main(args);
    }
}
