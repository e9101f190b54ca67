package dev.acp4j.cli;

import dev.acp4j.auth.AgentCredentials;
import dev.acp4j.auth.AgentIdentity;
import dev.acp4j.auth.AuthMethodRegistry;
import dev.acp4j.auth.Credential;
import dev.acp4j.auth.CredentialResolver;
import dev.acp4j.auth.OAuthRevoker;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.OAuthTokenRefresher;
import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's actions on the user's account: {@code --login}, {@code --logout [PROVIDER]},
 * {@code --status}, and the start-up report of start parameters whose file cannot be read.
 * Messages go to stderr; only {@code --status} prints its table on stdout. No secret is ever shown.
 */
final class AccountCommands {

    private final AgentIdentity identity;
    private final AuthMethodRegistry registry;
    private final CredentialStore store;
    private final AgentCredentials credentials;
    private final PrintWriter err;
    private final Clock clock = Clock.systemUTC();

    AccountCommands(AgentIdentity identity, AuthMethodRegistry registry, CredentialStore store, PrintWriter err) {
        this.identity = identity;
        this.registry = registry;
        this.store = store;
        this.credentials = new AgentCredentials(identity, registry, store, new OAuthRevoker());
        this.err = err;
    }

    /** {@code --login [METHOD_ID] [--force]}. */
    int login(String methodId, boolean force, InputStream stdin) {
        try {
            Map<String, String> env = registry.launch().env();
            return new TerminalLogin(identity, registry, store, new OAuthSignIn(store, clock, env, identity),
                    env.containsKey("ACP4J_NO_BROWSER") ? null : Browser::open, clock, System.console(),
                    new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), err,
                    new OAuthTokenRefresher(store, clock)).run(methodId, force);
        } catch (IOException | RuntimeException e) {
            err.println(identity.name() + ": login failed: " + e.getMessage());
            return AcpLauncher.EXIT_FAILURE;
        }
    }

    /** {@code --logout [PROVIDER]}: {@code provider} is empty for all of this agent's credentials. */
    int logout(String provider) {
        String key = provider.isEmpty() ? null : provider;
        if (key != null && !credentials.knows(key)) {
            err.println(identity.name() + ": unknown provider '" + key + "'; this agent's providers: "
                    + String.join(", ", credentials.providers()));
            err.println("Try '" + identity.name() + " --status'.");
            return AcpLauncher.EXIT_USAGE;
        }
        List<String> erased;
        try {
            erased = credentials.erase(key);
        } catch (RuntimeException e) {
            err.println(identity.name() + ": logout failed: " + e.getMessage());
            return AcpLauncher.EXIT_FAILURE;
        }
        if (erased.isEmpty()) {
            err.println("Nothing stored for " + (key == null ? identity.displayName() : key) + " in " + store.path() + ".");
        } else {
            err.println("Logged out: erased the stored credentials of " + String.join(", ", erased) + " from "
                    + store.path() + " (OAuth tokens revoked where the server offers it).");
        }
        CredentialResolver resolver = resolver();
        for (String stillUsable : key == null ? credentials.providers() : List.of(key)) {
            resolver.launchCredentials(stillUsable).forEach(c -> err.println("Note: " + stillUsable + " still has "
                    + (c.kind() == Credential.Kind.ACCESS_TOKEN ? "a token" : "a key") + " from the " + source(c)
                    + "; remove it there to stop using it."));
        }
        return AcpLauncher.EXIT_OK;
    }

    /**
     * {@code --status}: one line per credential this agent could use, on {@code out}, each
     * provider's in the order of precedence (the first usable one is used).
     */
    int status(PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        CredentialResolver resolver = resolver();
        Map<String, StoredCredential> stored = credentials.stored();
        for (String provider : credentials.providers()) {
            int before = rows.size();
            List<Credential> launched = resolver.launchCredentials(provider);
            launched.stream().filter(c -> c.kind() == Credential.Kind.ACCESS_TOKEN)
                    .forEach(c -> rows.add(new String[] {provider, "OAuth token", source(c), "-"}));
            CredentialStore.slot(stored, provider, CredentialKind.OAUTH2).ifPresent(c -> rows.add(storedRow(provider, c)));
            launched.stream().filter(c -> c.kind() == Credential.Kind.API_KEY)
                    .forEach(c -> rows.add(new String[] {provider, "API key", source(c), "-"}));
            CredentialStore.slot(stored, provider, CredentialKind.API_KEY).ifPresent(c -> rows.add(storedRow(provider, c)));
            if (rows.size() == before) {
                rows.add(new String[] {provider, "-", "not signed in", "-"});
            }
        }
        stored.forEach((key, credential) -> {
            if (!credentials.providers().contains(CredentialStore.provider(key))) {
                rows.add(storedRow(CredentialStore.provider(key), credential));
            }
        });
        out.println(identity.displayName() + " — credential file " + store.path());
        if (rows.isEmpty()) {
            out.println("(this configuration has no auth methods)");
            return AcpLauncher.EXIT_OK;
        }
        rows.add(0, new String[] {"PROVIDER", "KIND", "SOURCE", "EXPIRES"});
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            out.println(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
                    (Object[]) row).stripTrailing());
        }
        return AcpLauncher.EXIT_OK;
    }

    /** Start parameters naming a file that is missing, empty or unreadable: said once on stderr at start-up. */
    void reportLaunchProblems() {
        reportLaunchProblems(identity, registry, err);
    }

    /** As {@link #reportLaunchProblems()}, without a store: serving does not open it before the first answer. */
    static void reportLaunchProblems(AgentIdentity identity, AuthMethodRegistry registry, PrintWriter err) {
        for (AuthMethodConfig method : registry.all()) {
            if (method.type() != AuthMethodType.START_PARAM) {
                continue;
            }
            for (CredentialInput input : method.inputs()) {
                registry.launch().problem(method.type(), input).ifPresent(problem -> err.println(identity.name()
                        + ": " + input.name() + ": " + problem + "; auth method '" + method.id() + "' cannot use it"));
            }
        }
    }

    private String[] storedRow(String key, StoredCredential credential) {
        String kind = credential.kind() == CredentialKind.OAUTH2 ? "OAuth token" : "API key";
        return new String[] {key, kind, "stored (" + credential.methodId() + ")", expiry(credential.expiresAt())};
    }

    private String expiry(Instant expiresAt) {
        if (expiresAt == null) {
            return "-";
        }
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            return expiresAt.truncatedTo(ChronoUnit.SECONDS) + " (expired; refreshed on next use if it can be)";
        }
        return expiresAt.truncatedTo(ChronoUnit.SECONDS) + " (in " + Duration.between(now, expiresAt).toMinutes() + " min)";
    }

    private CredentialResolver resolver() {
        return new CredentialResolver(registry, store, new OAuthTokenRefresher(store, clock));
    }

    private static String source(Credential credential) {
        String source = credential.source();
        if (source.startsWith(CredentialResolver.ENV_SOURCE)) {
            return "environment (" + source.substring(CredentialResolver.ENV_SOURCE.length()) + ")";
        }
        if (source.startsWith(CredentialResolver.START_PARAMETER_SOURCE)) {
            return "start parameter (" + source.substring(CredentialResolver.START_PARAMETER_SOURCE.length()) + ")";
        }
        return source;
    }
}
