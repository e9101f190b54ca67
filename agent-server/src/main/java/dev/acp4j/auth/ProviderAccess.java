package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.ExchangeConfig;
import dev.acp4j.auth.oauth.ExchangedToken;
import dev.acp4j.auth.oauth.TokenExchange;
import dev.acp4j.auth.oauth.TrustBundle;
import dev.acp4j.auth.oauth.TokenExchangeException;
import dev.acp4j.auth.store.StoredCredential;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What agent code gets for a stored OAuth credential of an {@code oauth2} method: the method's
 * {@code headers} and {@code apiBaseUrl}, and, when the method has an {@code exchange}, the
 * short-lived API token exchanged for the OAuth token instead of the OAuth token itself.
 *
 * <p>Exchanged tokens are kept in this process's memory only, never in the credential store: the
 * store keeps the long-lived OAuth token (and its refresh token), and a new process exchanges it
 * again. One is reused while more than {@link OAuthTokenRefresher#REFRESH_MARGIN} remains and the
 * OAuth token is the one it was exchanged for; then the exchange runs again (one at a time per
 * provider). An exchange refused with HTTP 401 refreshes the OAuth token once (when it can be) and
 * tries again. A failure leaves the provider without a usable token until the next attempt, and
 * is kept for {@link #failure(String, String)}.
 */
final class ProviderAccess {

    private static final Logger log = LoggerFactory.getLogger(ProviderAccess.class);

    private final TokenExchange exchange;
    private final Clock clock;
    private final Map<String, Exchanged> exchanged = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** An exchanged token and the OAuth token it was exchanged for. */
    private record Exchanged(String oauthToken, ExchangedToken token) {
    }

    /** Why the exchange of {@code oauthToken} failed. */
    private record Failure(String oauthToken, TokenExchangeException cause) {
    }

    ProviderAccess(TokenExchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    /**
     * The credential for {@code stored}, obtained by {@code method} (null when that method is no
     * longer configured: the stored secret as it is).
     *
     * @param refreshRejected refreshes the OAuth token the exchange refused, when it can
     */
    Optional<Credential> credential(Credential.Kind kind, StoredCredential stored, AuthMethodConfig method,
                                    Function<String, Optional<StoredCredential>> refreshRejected) {
        String source = "stored " + stored.methodId();
        AuthMethodConfig.OAuthConfig oauth = method == null ? null : method.oauth();
        if (oauth == null) {
            return Optional.of(new Credential(stored.provider(), kind, source, stored.secret(), stored.expiresAt()));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (oauth.apiBaseUrl() != null) {
            attributes.put(Credential.API_BASE_URL, oauth.apiBaseUrl());
        }
        if (oauth.exchange() == null) {
            return Optional.of(new Credential(stored.provider(), kind, source, stored.secret(), stored.expiresAt(),
                    oauth.headers(), attributes));
        }
        return exchanged(stored, oauth.exchange(), TrustBundle.of(oauth.caBundle()), refreshRejected).map(token -> {
            if (token.apiBaseUrl() != null) {
                attributes.put(Credential.API_BASE_URL, token.apiBaseUrl());
            }
            return new Credential(stored.provider(), kind, source, token.token(), token.expiresAt(), oauth.headers(),
                    attributes);
        });
    }

    /** Why the last attempt to exchange {@code oauthToken}, {@code provider}'s stored OAuth token, failed, if it did. */
    Optional<TokenExchangeException> failure(String provider, String oauthToken) {
        return Optional.ofNullable(failures.get(provider)).filter(f -> f.oauthToken().equals(oauthToken))
                .map(Failure::cause);
    }

    /** {@code provider} has no usable OAuth token: nothing exchanged for it, nor a failure, counts any more. */
    void forget(String provider) {
        exchanged.remove(provider);
        failures.remove(provider);
    }

    private Optional<ExchangedToken> exchanged(StoredCredential stored, ExchangeConfig config, TrustBundle trust,
                                               Function<String, Optional<StoredCredential>> refreshRejected) {
        String provider = stored.provider();
        Optional<ExchangedToken> reusable = reusable(provider, stored.secret());
        if (reusable.isPresent()) {
            return reusable;
        }
        synchronized (locks.computeIfAbsent(provider, p -> new Object())) {
            reusable = reusable(provider, stored.secret());
            if (reusable.isPresent()) {
                return reusable;
            }
            String oauthToken = stored.secret();
            failures.remove(provider);
            try {
                ExchangedToken token;
                try {
                    token = exchange.exchange(config, oauthToken, trust);
                } catch (TokenExchangeException e) {
                    Optional<StoredCredential> refreshed = e.status() == 401 ? refreshRejected.apply(oauthToken)
                            .filter(c -> !c.secret().equals(stored.secret())) : Optional.empty();
                    if (refreshed.isEmpty()) {
                        throw e;
                    }
                    oauthToken = refreshed.get().secret();
                    token = exchange.exchange(config, oauthToken, trust);
                }
                exchanged.put(provider, new Exchanged(oauthToken, token));
                log.info("exchanged the OAuth token of {} for an API token{}", provider,
                        token.expiresAt() == null ? "" : " valid until " + token.expiresAt());
                return Optional.of(token);
            } catch (TokenExchangeException e) {
                exchanged.remove(provider);
                failures.put(provider, new Failure(oauthToken, e));
                log.warn("no API token for {}: {}", provider, e.getMessage());
                return Optional.empty();
            }
        }
    }

    private Optional<ExchangedToken> reusable(String provider, String oauthToken) {
        Exchanged current = exchanged.get(provider);
        if (current == null || !current.oauthToken().equals(oauthToken)) {
            return Optional.empty();
        }
        ExchangedToken token = current.token();
        return token.expiresAt() == null || token.expiresAt().isAfter(clock.instant().plus(OAuthTokenRefresher.REFRESH_MARGIN))
                ? Optional.of(token) : Optional.empty();
    }
}
