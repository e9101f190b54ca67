package dev.acp4j.cli;

import dev.acp4j.auth.AgentIdentity;
import dev.acp4j.auth.AuthMethodRegistry;
import dev.acp4j.auth.CredentialResolver;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.TokenRefresher;
import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.interaction.Interaction;
import dev.acp4j.auth.interaction.UserPrompt;
import dev.acp4j.auth.oauth.TokenExchangeException;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.auth.web.KeyValidator;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code AGENT --login [METHOD_ID]}: the interactive login a client runs in a terminal for a
 * {@code terminal} auth method ({@code --login} alone, or followed by that method's id as in Zed's
 * {@code _meta["terminal-auth"]} descriptor, offers the interactive methods). It writes the same credential store the server reads and
 * never touches ACP. Prompts and messages go to stderr.
 */
final class TerminalLogin {

    private final AgentIdentity identity;
    private final AuthMethodRegistry registry;
    private final CredentialStore store;
    private final OAuthSignIn oauth;
    private final Consumer<URI> browser;
    private final Clock clock;
    private final Console console;
    private final BufferedReader input;
    private final PrintWriter err;
    private final TokenRefresher refresher;
    private boolean force;

    /**
     * @param browser   opens a URL in the user's browser, or null to only print it
     * @param refresher refreshes a stored OAuth credential before any new sign-in is started
     */
    TerminalLogin(AgentIdentity identity, AuthMethodRegistry registry, CredentialStore store, OAuthSignIn oauth, Consumer<URI> browser,
                  Clock clock, Console console, BufferedReader input, PrintWriter err, TokenRefresher refresher) {
        this.refresher = refresher;
        this.identity = identity;
        this.registry = registry;
        this.store = store;
        this.oauth = oauth;
        this.browser = browser;
        this.clock = clock;
        this.console = console;
        this.input = input;
        this.err = err;
    }

    /**
     * Logs in with {@code methodId} (or the only/chosen interactive method). Unless {@code force},
     * a usable stored credential of the method's kind (an OAuth one refreshed first if it must be)
     * ends it with "already signed in", exit 0.
     */
    int run(String methodId, boolean force) throws IOException {
        this.force = force;
        if (methodId != null && !methodId.isEmpty()) {
            Optional<AuthMethodConfig> named = registry.find(methodId);
            if (named.isEmpty()) {
                return usage("unknown login method '" + methodId + "'; " + runnable());
            }
            return switch (named.get().type()) {
                case API_KEY_PAGE -> apiKey(named.get());
                case OAUTH2 -> oauth(named.get());
                // the terminal login itself: Zed's descriptor runs '--login <its id>'
                case TERMINAL -> interactiveLogin();
                case ENV_VAR -> explain(named.get(), "set " + names(named.get()) + " in the agent's environment and restart it");
                case START_PARAM -> explain(named.get(), "launch the agent with " + names(named.get()) + " FILE");
            };
        }
        return interactiveLogin();
    }

    /** A bare {@code --login}: the only interactive method, or the one the user chooses. */
    private int interactiveLogin() throws IOException {
        List<AuthMethodConfig> candidates = interactive();
        if (candidates.isEmpty()) {
            return usage("this configuration has no method that can log in from a terminal"
                    + " (api_key_page or oauth2)");
        }
        Optional<AuthMethodConfig> chosen = candidates.size() == 1 ? Optional.of(candidates.get(0)) : choose(candidates);
        if (chosen.isEmpty()) {
            return AcpLauncher.EXIT_FAILURE;
        }
        return chosen.get().type() == AuthMethodType.OAUTH2 ? oauth(chosen.get()) : apiKey(chosen.get());
    }

    private String runnable() {
        List<String> ids = interactive().stream().map(AuthMethodConfig::id).toList();
        return ids.isEmpty() ? "this configuration has no method --login can run (api_key_page or oauth2)"
                : AuthMethodRegistry.LOGIN_FLAG + " can run: " + String.join(", ", ids);
    }

    private int usage(String message) {
        err.println(identity.name() + ": " + message);
        return AcpLauncher.EXIT_USAGE;
    }

    private Optional<AuthMethodConfig> choose(List<AuthMethodConfig> candidates) throws IOException {
        err.println("How do you want to log in to " + identity.displayName() + "?");
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
        err.println(identity.name() + ": no such choice");
        return Optional.empty();
    }

    private List<AuthMethodConfig> interactive() {
        return registry.all().stream()
                .filter(m -> m.type() == AuthMethodType.API_KEY_PAGE || m.type() == AuthMethodType.OAUTH2)
                .toList();
    }

    private int apiKey(AuthMethodConfig method) throws IOException {
        Optional<StoredCredential> stored = store.get(method.provider(), CredentialKind.API_KEY);
        if (stored.isPresent() && !force) {
            return alreadySignedIn(method, "an API key stored by '" + stored.get().methodId() + "'");
        }
        String key;
        if (console != null) {
            char[] typed = console.readPassword("%s — %s. Paste the key (input is hidden): ",
                    identity.displayName(), method.name());
            key = typed == null ? null : new String(typed);
        } else {
            err.print(identity.displayName() + " — " + method.name() + ". Paste the key: ");
            err.flush();
            key = readLine();
        }
        if (key == null) {
            err.println(identity.name() + ": no key given");
            return AcpLauncher.EXIT_FAILURE;
        }
        key = key.strip();
        String problem = KeyValidator.plausible(method.keyPattern()).validate(key);
        if (problem != null) {
            err.println(identity.name() + ": " + problem);
            return AcpLauncher.EXIT_FAILURE;
        }
        store.put(new StoredCredential(method.provider(), method.id(), CredentialKind.API_KEY,
                key, null, null, clock.instant(), Map.of()));
        err.println("Logged in with '" + method.id() + "'. The key is stored in " + store.path() + ".");
        return AcpLauncher.EXIT_OK;
    }

    private int oauth(AuthMethodConfig method) {
        Optional<StoredCredential> stored = store.get(method.provider(), CredentialKind.OAUTH2);
        if (stored.isPresent() && !force) {
            Optional<StoredCredential> usable = refresher.ensureFresh(method.provider(), stored.get());
            Optional<TokenExchangeException> unexchanged = usable.flatMap(u -> exchangeFailure(method));
            if (unexchanged.isPresent() && !unexchanged.get().refused()) {
                return exchangeFailed(method, unexchanged.get());
            }
            if (usable.isPresent() && unexchanged.isEmpty()) {
                boolean refreshed = !usable.get().secret().equals(stored.get().secret());
                return alreadySignedIn(method, (refreshed ? "a refreshed OAuth token" : "an OAuth token")
                        + " from '" + usable.get().methodId() + "'" + (usable.get().expiresAt() == null ? ""
                        : ", valid until " + usable.get().expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            }
            err.println(unexchanged.isPresent()
                    ? "The stored sign-in for " + method.providerName() + " gets no API token (" + unexchanged.get().getMessage()
                            + "); signing in again."
                    : "The stored sign-in for " + method.providerName() + " has expired and cannot be refreshed;"
                    + " signing in again.");
        }
        Duration timeout = method.oauth().timeout() != null ? method.oauth().timeout() : ServerConfig.DEFAULT_ELICITATION_TIMEOUT;
        try {
            oauth.signIn(method, this::showUrl, new TerminalCodeEntry(identity.name(), console, input, err, browser),
                    new CancellationToken(), timeout,
                    failure -> new IllegalStateException(failure instanceof TimeoutException
                            ? "no sign-in within " + Interaction.describe(timeout)
                            : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(identity.name() + ": login interrupted");
            return AcpLauncher.EXIT_FAILURE;
        } catch (RuntimeException e) {
            err.println(identity.name() + ": login with '" + method.id() + "' failed: " + e.getMessage());
            return AcpLauncher.EXIT_FAILURE;
        }
        Optional<TokenExchangeException> unexchanged = exchangeFailure(method);
        if (unexchanged.isPresent()) {
            return exchangeFailed(method, unexchanged.get());
        }
        err.println("Logged in with '" + method.id() + "'. The tokens are stored in " + store.path() + ".");
        return AcpLauncher.EXIT_OK;
    }

    /** For a method with an {@code exchange}: why the stored OAuth token gets no API token, if it does not. */
    private Optional<TokenExchangeException> exchangeFailure(AuthMethodConfig method) {
        if (method.oauth().exchange() == null) {
            return Optional.empty();
        }
        CredentialResolver resolver = new CredentialResolver(registry, store, refresher, clock);
        return resolver.storedOAuth(method.provider()).isPresent() ? Optional.empty()
                : resolver.exchangeFailure(method.provider());
    }

    private int exchangeFailed(AuthMethodConfig method, TokenExchangeException failure) {
        err.println(identity.name() + ": login with '" + method.id() + "' failed: signed in, but no API token for "
                + method.providerName() + ": " + failure.getMessage());
        return AcpLauncher.EXIT_FAILURE;
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
        return UserPrompt.shown();
    }

    private int alreadySignedIn(AuthMethodConfig method, String what) {
        err.println("Already signed in to " + method.providerName() + ": " + what + ", in " + store.path()
                + ". Use " + AuthMethodRegistry.LOGIN_FLAG + " " + method.id() + " --force to sign in again.");
        return AcpLauncher.EXIT_OK;
    }

    private int explain(AuthMethodConfig method, String what) {
        return usage("'" + method.id() + "' is not an interactive login: " + what + "; " + runnable());
    }

    private static String names(AuthMethodConfig method) {
        return String.join(", ", method.inputs().stream().map(i -> i.name()).toList());
    }

    private String readLine() throws IOException {
        return input.readLine();
    }
}
