package dev.acp4j.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Best effort: opens a URL in the user's browser; the URL is always printed as well. */
final class Browser {

    private Browser() {
    }

    static void open(URI url) {
        String os = System.getProperty("os.name", "").toLowerCase();
        List<String> command = os.contains("mac") ? List.of("open", url.toString())
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                : List.of("xdg-open", url.toString());
        try {
            new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // No browser here (e.g. over SSH): the printed URL is enough.
        }
    }
}
