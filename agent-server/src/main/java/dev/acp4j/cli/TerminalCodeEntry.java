package dev.acp4j.cli;

import dev.acp4j.auth.CodeEntry;
import dev.acp4j.auth.interaction.UserPrompt;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code --login}'s {@link CodeEntry} for a provider whose page shows the code: prints the
 * authorization URL on stderr (and tries the browser), then reads the code with hidden input
 * ({@link Console#readPassword} on a terminal, else a line of stdin). What was pasted is checked
 * (bracketed-paste markers and whitespace are ignored); a refused value says why and is asked
 * for again, up to {@value #ATTEMPTS} times.
 */
final class TerminalCodeEntry implements CodeEntry {

    static final int ATTEMPTS = 3;

    private final String agentName;
    private final Console console;
    private final BufferedReader input;
    private final PrintWriter err;
    private final Consumer<URI> browser;

    /** @param browser opens a URL in the user's browser, or null to only print it */
    TerminalCodeEntry(String agentName, Console console, BufferedReader input, PrintWriter err, Consumer<URI> browser) {
        this.agentName = agentName;
        this.console = console;
        this.input = input;
        this.err = err;
        this.browser = browser;
    }

    @Override
    public Entered await(URI authorizationUrl, String message, Function<String, String> check) {
        err.println(message + " Open this address to sign in; the provider's page then shows a code to paste here.");
        err.println();
        err.println("    " + authorizationUrl);
        err.println();
        err.flush();
        if (browser != null) {
            browser.accept(authorizationUrl);
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String pasted = readHidden("Paste the code (input is hidden): ");
            if (pasted == null) {
                throw new IllegalStateException("no code given");
            }
            String problem = check.apply(pasted);
            if (problem == null) {
                return new Entered(pasted, UserPrompt.shown());
            }
            err.println(agentName + ": " + problem);
        }
        throw new IllegalStateException("no usable code after " + ATTEMPTS + " attempts");
    }

    private String readHidden(String prompt) {
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        }
        err.print(prompt);
        err.flush();
        try {
            String line = input.readLine();
            err.println();
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code", e);
        }
    }
}
