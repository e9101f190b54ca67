package dev.acp4j.cli;

import java.net.URI;

/**
 * Best effort, for the terminal login: opens a URL with {@link dev.acp4j.auth.interaction.Browser} (which
 * knows {@code $BROWSER}, the desktop's opener, SSH and {@code ACP4J_NO_BROWSER}); the URL is
 * always printed as well.
 */
final class Browser {

    private Browser() {
    }

    static void open(URI url) {
        dev.acp4j.auth.interaction.Browser.of(System.getenv()).tryOpen(url);
    }
}
