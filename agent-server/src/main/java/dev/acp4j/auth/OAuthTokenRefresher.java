package dev.acp4j.auth;

import dev.acp4j.auth.oauth.InvalidGrantException;
import dev.acp4j.auth.oauth.OAuthClient;
import dev.acp4j.auth.oauth.OAuthEndpoints;
import dev.acp4j.auth.oauth.OAuthException;
import dev.acp4j.auth.oauth.TokenRefresh;
import dev.acp4j.auth.oauth.TokenSet;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes a stored OAuth credential when less than five minutes remain. The refresh runs
 * inside the store's read-modify-write, under its cross-process lock, and re-checks the expiry
 * there: concurrent requests, and other agent processes, cause one refresh, not many (which
 * matters with rotating refresh tokens). {@code invalid_grant} drops the credential.
 */
public final class OAuthTokenRefresher implements TokenRefresher {

    /** A stored token is refreshed when it expires within this margin (5 minutes). */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(OAuthTokenRefresher.class);

    private final CredentialStore store;
    private final Clock clock;
    private final TokenRefresh refresh;
    private final Object refreshing = new Object();

    /**
     * A refresher writing the refreshed tokens to {@code store}.
     *
     * @param store the credential file
     * @param clock the clock expiry is judged by
     */
    public OAuthTokenRefresher(CredentialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.refresh = new TokenRefresh(clock);
    }

    @Override
    public Optional<StoredCredential> ensureFresh(String provider, StoredCredential credential) {
        if (!credential.expiresWithin(REFRESH_MARGIN, clock.instant())) {
            return Optional.of(credential);
        }
        synchronized (refreshing) {
            return store.update(credentials -> {
                StoredCredential current = credentials.get(provider);
                if (current == null || current.kind() != CredentialKind.OAUTH2) {
                    return Optional.<StoredCredential>empty();
                }
                if (!current.expiresWithin(REFRESH_MARGIN, clock.instant())) {
                    return Optional.of(current);
                }
                return refresh(credentials, provider, current, () -> stillValid(current));
            });
        }
    }

    @Override
    public Optional<StoredCredential> refreshRejected(String key, String rejectedSecret) {
        synchronized (refreshing) {
            return store.update(credentials -> {
                StoredCredential current = credentials.get(key);
                if (current == null || current.kind() != CredentialKind.OAUTH2) {
                    return Optional.<StoredCredential>empty();
                }
                if (!current.secret().equals(rejectedSecret)) {
                    return Optional.of(current);
                }
                return refresh(credentials, key, current, Optional::<StoredCredential>empty);
            });
        }
    }

    /** One refresh_token grant, inside the store's update; {@code otherwise} when it cannot be done or fails. */
    private Optional<StoredCredential> refresh(Map<String, StoredCredential> credentials, String provider,
                                               StoredCredential current, Supplier<Optional<StoredCredential>> otherwise) {
        String tokenEndpoint = current.attributes().get(OAuthSignIn.TOKEN_ENDPOINT);
        if (current.refreshToken() == null || tokenEndpoint == null) {
            return otherwise.get();
        }
        try {
            TokenSet tokens = refresh.refresh(new OAuthEndpoints(null, null, URI.create(tokenEndpoint), null,
                    null, null, List.of()), OAuthClient.fromAttributes(current.attributes().get(OAuthSignIn.CLIENT_ID),
                    current.attributes()), current.refreshToken(), resource(current));
            StoredCredential fresh = current.withTokens(tokens.accessToken(), tokens.refreshToken(),
                    tokens.expiresAt(), clock.instant());
            credentials.put(provider, fresh);
            log.info("refreshed the access token for {}", provider);
            return Optional.of(fresh);
        } catch (InvalidGrantException e) {
            credentials.remove(provider);
            log.warn("the authorization server refused to refresh the sign-in for {} (invalid_grant);"
                    + " sign in again", provider);
            return Optional.empty();
        } catch (OAuthException | IllegalArgumentException e) {
            log.warn("refreshing the sign-in for {} failed: {}", provider, e.getMessage());
            return otherwise.get();
        }
    }

    private static URI resource(StoredCredential credential) {
        String resource = credential.attributes().get(OAuthSignIn.RESOURCE);
        return resource == null ? null : URI.create(resource);
    }

    private Optional<StoredCredential> stillValid(StoredCredential credential) {
        return credential.expiresAt() == null || credential.expiresAt().isAfter(clock.instant())
                ? Optional.of(credential) : Optional.empty();
    }
}
