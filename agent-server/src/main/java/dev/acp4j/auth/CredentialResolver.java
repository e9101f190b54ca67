package dev.acp4j.auth;

import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.server.config.AuthMethodConfig;
import dev.acp4j.server.config.AuthMethodType;
import dev.acp4j.server.config.CredentialInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds the usable credential of a provider, in the profile's order of precedence: a stored
 * OAuth credential (refreshed when close to expiry), then an API key from the environment or
 * a start parameter, then a stored API key. After {@code logout} the launch environment is
 * ignored until the user authenticates again.
 */
public final class CredentialResolver {

    /** How {@link Credential#source()} begins for a key from the environment: {@code env NAME}. */
    public static final String ENV_SOURCE = "env ";
    /** How {@link Credential#source()} begins for a key from a start parameter: {@code start parameter --flag}. */
    public static final String START_PARAMETER_SOURCE = "start parameter ";

    private final AuthMethodRegistry registry;
    private final CredentialStore store;
    private final TokenRefresher refresher;
    private final AtomicBoolean launchValuesIgnored = new AtomicBoolean();

    public CredentialResolver(AuthMethodRegistry registry, CredentialStore store, TokenRefresher refresher) {
        this.registry = registry;
        this.store = store;
        this.refresher = refresher;
    }

    /** The providers of the configured methods, in preference order. */
    public List<String> providers() {
        Set<String> providers = new LinkedHashSet<>();
        registry.all().forEach(m -> providers.add(m.provider()));
        return new ArrayList<>(providers);
    }

    /** The credential to use for {@code provider} now, if there is one. */
    public Optional<Credential> resolve(String provider) {
        Optional<StoredCredential> stored = store.get(provider);
        if (stored.isPresent() && stored.get().kind() == CredentialKind.OAUTH2) {
            Optional<StoredCredential> fresh = refresher.ensureFresh(provider, stored.get());
            if (fresh.isPresent()) {
                return Optional.of(new Credential(provider, Credential.Kind.ACCESS_TOKEN,
                        "stored " + fresh.get().methodId(), fresh.get().secret(), fresh.get().expiresAt()));
            }
        }
        if (!launchValuesIgnored.get()) {
            Optional<Credential> launched = fromLaunch(provider);
            if (launched.isPresent()) {
                return launched;
            }
        }
        if (stored.isPresent() && stored.get().kind() == CredentialKind.API_KEY) {
            return Optional.of(new Credential(provider, Credential.Kind.API_KEY, "stored " + stored.get().methodId(),
                    stored.get().secret(), stored.get().expiresAt()));
        }
        return Optional.empty();
    }

    /** The first provider that has a usable credential. */
    public Optional<Credential> anyUsable() {
        for (String provider : providers()) {
            Optional<Credential> credential = resolve(provider);
            if (credential.isPresent()) {
                return credential;
            }
        }
        return Optional.empty();
    }

    /** {@code logout}: launch values stop counting until {@link #acceptLaunchValues()}. */
    void ignoreLaunchValues() {
        launchValuesIgnored.set(true);
    }

    /** A successful {@code authenticate} with an env_var or start_param method. */
    void acceptLaunchValues() {
        launchValuesIgnored.set(false);
    }

    /** The key the environment or a start parameter gives {@code provider} in this process, if any. */
    public Optional<Credential> launchCredential(String provider) {
        return fromLaunch(provider);
    }

    private Optional<Credential> fromLaunch(String provider) {
        for (AuthMethodConfig method : registry.all()) {
            if (!method.provider().equals(provider)
                    || method.type() != AuthMethodType.ENV_VAR && method.type() != AuthMethodType.START_PARAM
                    || !registry.missingValues(method).isEmpty()) {
                continue;
            }
            for (CredentialInput input : method.inputs()) {
                Optional<String> value = registry.launch().value(method.type(), input);
                if (input.secret() && value.isPresent()) {
                    String where = method.type() == AuthMethodType.ENV_VAR ? ENV_SOURCE : START_PARAMETER_SOURCE;
                    return Optional.of(new Credential(provider, Credential.Kind.API_KEY, where + input.name(),
                            value.get(), null));
                }
            }
        }
        return Optional.empty();
    }
}
