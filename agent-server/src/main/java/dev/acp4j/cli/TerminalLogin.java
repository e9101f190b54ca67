package dev.acp4j.cli;

import dev.acp4j.auth.AuthMethodRegistry;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.UserPrompt;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.auth.web.KeyValidator;
import dev.acp4j.server.config.AuthMethodConfig;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.server.config.AuthMethodType;
import dev.acp4j.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code acp4j --login [METHOD_ID]}: the interactive login a client runs in a terminal for a
 * {@code terminal} auth method. It writes the same credential store the server reads and
 * never touches ACP. Prompts and messages go to stderr.
 */
final class TerminalLogin {

    private final AuthMethodRegistry registry;
    private final CredentialStore store;
    private final OAuthSignIn oauth;
    private final Consumer<URI> browser;
    private final Clock clock;
    private final Console console;
    private final BufferedReader input;
    private final PrintWriter err;

    /** @param browser opens a URL in the user's browser, or null to only print it */
    TerminalLogin(AuthMethodRegistry registry, CredentialStore store, OAuthSignIn oauth, Consumer<URI> browser,
                  Clock clock, Console console, BufferedReader input, PrintWriter err) {
        this.registry = registry;
        this.store = store;
        this.oauth = oauth;
        this.browser = browser;
        this.clock = clock;
        this.console = console;
        this.input = input;
        this.err = err;
    }

    int run(String methodId) throws IOException {
        Optional<AuthMethodConfig> chosen = choose(methodId);
        if (chosen.isEmpty()) {
            return Main.EXIT_FAILURE;
        }
        AuthMethodConfig method = chosen.get();
        return switch (method.type()) {
            case API_KEY_PAGE -> apiKey(method);
            case OAUTH2 -> oauth(method);
            case ENV_VAR -> explain(method, "set " + names(method) + " in the agent's environment and restart it");
            case START_PARAM -> explain(method, "launch the agent with " + names(method) + " FILE");
            default -> {
                err.println("acp4j: '" + method.id() + "' cannot be run as a terminal login");
                yield Main.EXIT_FAILURE;
            }
        };
    }

    private Optional<AuthMethodConfig> choose(String methodId) throws IOException {
        boolean aTerminalMethod = registry.find(methodId == null ? "" : methodId)
                .filter(m -> m.type() == AuthMethodType.TERMINAL).isPresent();
        if (methodId != null && !methodId.isEmpty() && !aTerminalMethod) {
            Optional<AuthMethodConfig> method = registry.find(methodId);
            if (method.isEmpty()) {
                err.println("acp4j: unknown login method '" + methodId + "'; choose one of: "
                        + String.join(", ", interactive().stream().map(AuthMethodConfig::id).toList()));
            }
            return method;
        }
        List<AuthMethodConfig> candidates = interactive();
        if (candidates.isEmpty()) {
            err.println("acp4j: this configuration has no method that can log in from a terminal");
            return Optional.empty();
        }
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        err.println("How do you want to log in?");
        for (int i = 0; i < candidates.size(); i++) {
            err.println("  " + (i + 1) + ") " + candidates.get(i).name() + " [" + candidates.get(i).id() + "]");
        }
        err.print("Number: ");
        err.flush();
        String answer = readLine();
        try {
            int index = Integer.parseInt(answer == null ? "" : answer.strip()) - 1;
            if (index >= 0 && index < candidates.size()) {
                return Optional.of(candidates.get(index));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        err.println("acp4j: no such choice");
        return Optional.empty();
    }

    private List<AuthMethodConfig> interactive() {
        return registry.all().stream()
                .filter(m -> m.type() == AuthMethodType.API_KEY_PAGE || m.type() == AuthMethodType.OAUTH2)
                .toList();
    }

    private int apiKey(AuthMethodConfig method) throws IOException {
        String key;
        if (console != null) {
            char[] typed = console.readPassword("Paste your %s API key (input is hidden): ", method.provider());
            key = typed == null ? null : new String(typed);
        } else {
            err.print("Paste your " + method.provider() + " API key: ");
            err.flush();
            key = readLine();
        }
        if (key == null) {
            err.println("acp4j: no key given");
            return Main.EXIT_FAILURE;
        }
        key = key.strip();
        String problem = KeyValidator.plausible(method.keyPattern()).validate(key);
        if (problem != null) {
            err.println("acp4j: " + problem);
            return Main.EXIT_FAILURE;
        }
        store.put(method.provider(), new StoredCredential(method.provider(), method.id(), CredentialKind.API_KEY,
                key, null, null, clock.instant(), Map.of()));
        err.println("Logged in with '" + method.id() + "'. The key is stored in " + store.path() + ".");
        return Main.EXIT_OK;
    }

    private int oauth(AuthMethodConfig method) {
        Duration timeout = method.oauth().timeout() != null ? method.oauth().timeout() : ServerConfig.DEFAULT_ELICITATION_TIMEOUT;
        try {
            oauth.signIn(method, this::showUrl, new CancellationToken(), timeout,
                    failure -> new IllegalStateException(failure instanceof TimeoutException
                            ? "no sign-in within " + timeout.toMinutes() + " minutes"
                            : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("acp4j: login interrupted");
            return Main.EXIT_FAILURE;
        } catch (RuntimeException e) {
            err.println("acp4j: login with '" + method.id() + "' failed: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        err.println("Logged in with '" + method.id() + "'. The tokens are stored in " + store.path() + ".");
        return Main.EXIT_OK;
    }

    /** Shows the sign-in URL on the terminal and tries to open it in the browser. */
    private UserPrompt showUrl(URI url, String message) {
        err.println(message);
        err.println();
        err.println("    " + url);
        err.println();
        err.println("Waiting for the sign-in to finish…");
        if (browser != null) {
            browser.accept(url);
        }
        return new UserPrompt() {
            @Override
            public CompletableFuture<Void> declined() {
                return new CompletableFuture<>();
            }

            @Override
            public void complete() {
            }

            @Override
            public void abandon() {
            }
        };
    }

    private int explain(AuthMethodConfig method, String what) {
        err.println("acp4j: '" + method.id() + "' is not an interactive login: " + what + ".");
        return Main.EXIT_FAILURE;
    }

    private static String names(AuthMethodConfig method) {
        return String.join(", ", method.inputs().stream().map(i -> i.name()).toList());
    }

    private String readLine() throws IOException {
        return input.readLine();
    }
}
