package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** The device authorization grant (RFC 8628) for a public client. */
public final class DeviceAuthorizationFlow {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final Duration SLOW_DOWN_INCREMENT = Duration.ofSeconds(5);

    private final Clock clock;

    /** A flow on the system clock. */
    public DeviceAuthorizationFlow() {
        this(Clock.systemUTC());
    }

    /**
     * A flow whose expiries are computed on {@code clock}.
     *
     * @param clock the clock
     */
    public DeviceAuthorizationFlow(Clock clock) {
        this.clock = clock;
    }

    /**
     * The device authorization request (RFC 8628 §3.1).
     *
     * @param endpoints the server's endpoints, with a device authorization endpoint
     * @param clientId the public client id
     * @param scopes the scopes to request
     * @return the user code, verification URI and device code
     */
    public DeviceAuthorization start(OAuthEndpoints endpoints, String clientId, List<String> scopes) {
        return start(endpoints, OAuthClient.publicClient(clientId), scopes);
    }

    /**
     * {@link #start(OAuthEndpoints, String, List)} for {@code client}, authenticated as chosen for the server.
     *
     * @param endpoints the server's endpoints, with a device authorization endpoint
     * @param client the client, as chosen for the server
     * @param scopes the scopes to request
     * @return the user code, verification URI and device code
     */
    public DeviceAuthorization start(OAuthEndpoints endpoints, OAuthClient client, List<String> scopes) {
        String clientId = client.clientId();
        if (endpoints.deviceAuthorizationEndpoint() == null) {
            throw new IllegalArgumentException("the authorization server has no device authorization endpoint");
        }
        Scope scope = scopes == null || scopes.isEmpty() ? null : new Scope(scopes.toArray(String[]::new));
        Instant sentAt = clock.instant();
        ClientAuthentication authentication = client.authentication();
        DeviceAuthorizationRequest request = authentication == null
                ? new DeviceAuthorizationRequest(endpoints.deviceAuthorizationEndpoint(), new ClientID(clientId), scope)
                : new DeviceAuthorizationRequest(endpoints.deviceAuthorizationEndpoint(), authentication, scope, null);
        HTTPResponse http = OAuthHttp.send(request.toHTTPRequest(), client.trust());
        DeviceAuthorizationResponse response;
        try {
            response = DeviceAuthorizationResponse.parse(http);
        } catch (ParseException e) {
            throw new OAuthException(null, "the device authorization endpoint sent an invalid response (HTTP "
                    + http.getStatusCode() + ")");
        }
        if (!response.indicatesSuccess()) {
            throw TokenResponses.fromError(response.toErrorResponse().getErrorObject(), http.getStatusCode());
        }
        DeviceAuthorizationSuccessResponse success = response.toSuccessResponse();
        Duration interval = success.getInterval() > 0 ? Duration.ofSeconds(success.getInterval()) : DEFAULT_INTERVAL;
        return new DeviceAuthorization(success.getDeviceCode().getValue(), success.getUserCode().getValue(),
                success.getVerificationURI(), success.getVerificationURIComplete(),
                sentAt.plusSeconds(success.getLifetime()), interval, endpoints, clientId);
    }

    /**
     * Polls the token endpoint (RFC 8628 §3.4, §3.5) until the user approves, denies, or the code expires.
     *
     * @param authorization what {@link #start} returned
     * @param cancelled true once the sign-in is no longer wanted
     * @param sleeper waits between polls
     * @return the tokens
     * @throws CancellationException when {@code cancelled} turns true
     * @throws OAuthException        when the user denies, the code expires, or the server fails
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public TokenSet poll(DeviceAuthorization authorization, BooleanSupplier cancelled, Sleeper sleeper)
            throws InterruptedException {
        return poll(authorization, OAuthClient.publicClient(authorization.clientId()), cancelled, sleeper);
    }

    /**
     * {@link #poll(DeviceAuthorization, BooleanSupplier, Sleeper)} for {@code client}, authenticated as chosen.
     *
     * @param authorization what {@link #start} returned
     * @param client the client, as chosen for the server
     * @param cancelled true once the sign-in is no longer wanted
     * @param sleeper waits between polls
     * @return the tokens
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public TokenSet poll(DeviceAuthorization authorization, OAuthClient client, BooleanSupplier cancelled, Sleeper sleeper)
            throws InterruptedException {
        Duration interval = authorization.interval();
        TokenRequest request = client.tokenRequest(authorization.endpoints().tokenEndpoint(),
                new DeviceCodeGrant(new DeviceCode(authorization.deviceCode()))).build();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("device authorization cancelled");
            }
            if (!clock.instant().isBefore(authorization.expiresAt())) {
                throw expired();
            }
            sleeper.sleep(interval);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("device authorization cancelled");
            }
            try {
                return TokenResponses.send(request, clock, client.trust());
            } catch (OAuthException e) {
                String error = e.error();
                if ("authorization_pending".equals(error)) {
                    continue;
                }
                if ("slow_down".equals(error)) {
                    interval = interval.plus(SLOW_DOWN_INCREMENT);
                    continue;
                }
                if ("expired_token".equals(error)) {
                    throw expired();
                }
                if ("access_denied".equals(error)) {
                    throw new OAuthException("access_denied", "the user denied the authorization request");
                }
                throw e;
            }
        }
    }

    private static OAuthException expired() {
        return new OAuthException("expired_token", "the code expired before the user approved it; start again");
    }
}
