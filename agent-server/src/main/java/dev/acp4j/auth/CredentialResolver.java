package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import dev.acp4j.auth.oauth.TokenExchange;
import dev.acp4j.auth.oauth.TokenExchangeException;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the usable credential of a provider, in the profile's order of precedence (§6): a token
 * from the environment or a start parameter, a stored OAuth credential (refreshed when close to
 * expiry), an API key from the environment or a start parameter, a stored API key. After
 * {@code logout} the launch environment of the providers logged out of is ignored until the user
 * authenticates again. A stored OAuth credential comes with its method's {@code headers} and
 * {@code apiBaseUrl}, and, for a method with an {@code exchange}, as the exchanged API token ({@link ProviderAccess}).
 */
public final class CredentialResolver {

    /** How {@link Credential#source()} begins for a key from the environment: {@code env NAME}. */
    public static final String ENV_SOURCE = "env ";
    /** How {@link Credential#source()} begins for a key from a start parameter: {@code start parameter --flag}. */
    public static final String START_PARAMETER_SOURCE = "start parameter ";

    private final AuthMethodRegistry registry;
    private final CredentialStore store;
    private final TokenRefresher refresher;
    private final Set<String> launchValuesIgnored = ConcurrentHashMap.newKeySet();
    private final ProviderAccess access;

    /**
     * A resolver on the system clock.
     *
     * @param registry the configured auth methods and launch values
     * @param store the credential file
     * @param refresher refreshes stored OAuth credentials close to expiry
     */
    public CredentialResolver(AuthMethodRegistry registry, CredentialStore store, TokenRefresher refresher) {
        this(registry, store, refresher, Clock.systemUTC());
    }

    /**
     * {@code clock} decides when an exchanged API token must be exchanged again.
     *
     * @param registry the configured auth methods and launch values
     * @param store the credential file
     * @param refresher refreshes stored OAuth credentials close to expiry
     * @param clock the clock expiry is judged by
     */
    public CredentialResolver(AuthMethodRegistry registry, CredentialStore store, TokenRefresher refresher, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.refresher = refresher;
        this.access = new ProviderAccess(new TokenExchange(clock), clock);
    }

    /** {@return the providers of the configured methods, in preference order} */
    public List<String> providers() {
        Set<String> providers = new LinkedHashSet<>();
        registry.all().forEach(m -> providers.add(m.provider()));
        return new ArrayList<>(providers);
    }

    /**
     * The credential to use for {@code provider} now, if there is one, in the profile's order: a
     * token from the environment or a start parameter ({@code "kind": "oauth_token"}), a stored
     * OAuth credential (refreshed when close to expiry), an API key from the environment or a
     * start parameter, a stored API key.
     *
     * @param provider the provider, e.g. {@code openai}
     * @return the credential, if any
     */
    public Optional<Credential> resolve(String provider) {
        return resolve(provider, Credential.Kind.ACCESS_TOKEN).or(() -> resolve(provider, Credential.Kind.API_KEY));
    }

    /**
     * The credential of {@code kind} to use for {@code provider} now, in the same order: for
     * {@code ACCESS_TOKEN} a token from the launch values, else a stored OAuth credential
     * (refreshed when it must be); for {@code API_KEY} a key from the launch values, else a stored one.
     *
     * @param provider the provider, e.g. {@code openai}
     * @param kind the kind of credential wanted
     * @return the credential, if any
     */
    public Optional<Credential> resolve(String provider, Credential.Kind kind) {
        if (!launchValuesIgnored.contains(provider)) {
            Optional<Credential> launched = fromLaunch(provider, kind);
            if (launched.isPresent()) {
                return launched;
            }
        }
        if (kind == Credential.Kind.ACCESS_TOKEN) {
            return storedOAuth(provider);
        }
        return store.get(provider, CredentialKind.API_KEY).flatMap(credential -> stored(provider, kind, credential));
    }

    /**
     * The stored OAuth credential of {@code provider}, refreshed and exchanged as it must be,
     * whatever the launch values hold; empty when there is none or it cannot be made usable.
     *
     * @param provider the provider
     * @return the credential, if usable
     */
    public Optional<Credential> storedOAuth(String provider) {
        Optional<StoredCredential> fresh = store.get(provider, CredentialKind.OAUTH2)
                .flatMap(credential -> refresher.ensureFresh(provider, credential));
        if (fresh.isEmpty()) {
            access.forget(provider);
            return Optional.empty();
        }
        return stored(provider, Credential.Kind.ACCESS_TOKEN, fresh.get());
    }

    /**
     * Why {@code provider}'s stored OAuth token could not be exchanged for an API token the last
     * time it was tried (an {@code oauth2} method's {@code exchange}), if it could not.
     *
     * @param provider the provider
     * @return the last exchange failure, if any
     */
    public Optional<TokenExchangeException> exchangeFailure(String provider) {
        return store.get(provider, CredentialKind.OAUTH2).flatMap(stored -> access.failure(provider, stored.secret()));
    }

    /** {@return the credential of the first provider, in preference order, that has a usable one} */
    public Optional<Credential> anyUsable() {
        for (String provider : providers()) {
            Optional<Credential> credential = resolve(provider);
            if (credential.isPresent()) {
                return credential;
            }
        }
        return Optional.empty();
    }

    /** {@code logout}: {@code provider}'s launch values stop counting until {@link #acceptLaunchValues}. */
    void ignoreLaunchValues(String provider) {
        launchValuesIgnored.add(provider);
    }

    /** A successful {@code authenticate} with an env_var or start_param method of {@code provider}. */
    void acceptLaunchValues(String provider) {
        launchValuesIgnored.remove(provider);
    }

    /**
     * The credentials the environment or start parameters give {@code provider} in this process:
     * a token first, then an API key (at most one of each), whether or not {@code logout} set
     * them aside.
     *
     * @param provider the provider
     * @return the credentials, token first
     */
    public List<Credential> launchCredentials(String provider) {
        List<Credential> found = new ArrayList<>();
        fromLaunch(provider, Credential.Kind.ACCESS_TOKEN).ifPresent(found::add);
        fromLaunch(provider, Credential.Kind.API_KEY).ifPresent(found::add);
        return found;
    }

    private Optional<Credential> stored(String provider, Credential.Kind kind, StoredCredential credential) {
        if (credential.kind() == CredentialKind.OAUTH2) {
            return access.credential(kind, credential, registry.find(credential.methodId()).orElse(null),
                    rejected -> refresher.refreshRejected(provider, rejected));
        }
        return Optional.of(new Credential(provider, kind, "stored " + credential.methodId(), credential.secret(),
                credential.expiresAt()));
    }

    private Optional<Credential> fromLaunch(String provider, Credential.Kind kind) {
        for (AuthMethodConfig method : registry.all()) {
            if (!method.provider().equals(provider)
                    || method.type() != AuthMethodType.ENV_VAR && method.type() != AuthMethodType.START_PARAM
                    || !registry.missingValues(method).isEmpty()) {
                continue;
            }
            for (CredentialInput input : method.inputs()) {
                if (!input.secret() || input.oauthToken() != (kind == Credential.Kind.ACCESS_TOKEN)) {
                    continue;
                }
                Optional<String> value = registry.launch().value(method.type(), input);
                if (value.isPresent()) {
                    String where = method.type() == AuthMethodType.ENV_VAR ? ENV_SOURCE : START_PARAMETER_SOURCE;
                    return Optional.of(new Credential(provider, kind, where + input.name(), value.get(), null));
                }
            }
        }
        return Optional.empty();
    }
}
