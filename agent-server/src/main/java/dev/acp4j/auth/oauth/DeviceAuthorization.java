package dev.acp4j.auth.oauth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A device authorization response (RFC 8628 §3.2): what to show the user, and the device code
 * {@link DeviceAuthorizationFlow#poll} redeems (kept out of {@link #toString()}).
 */
public final class DeviceAuthorization {

    private final String deviceCode;
    private final String userCode;
    private final URI verificationUri;
    private final URI verificationUriComplete;
    private final Instant expiresAt;
    private final Duration interval;
    private final OAuthEndpoints endpoints;
    private final String clientId;

    DeviceAuthorization(String deviceCode, String userCode, URI verificationUri, URI verificationUriComplete,
            Instant expiresAt, Duration interval, OAuthEndpoints endpoints, String clientId) {
        this.deviceCode = deviceCode;
        this.userCode = userCode;
        this.verificationUri = verificationUri;
        this.verificationUriComplete = verificationUriComplete;
        this.expiresAt = expiresAt;
        this.interval = interval;
        this.endpoints = endpoints;
        this.clientId = clientId;
    }

    /** {@return the code the user types at {@link #verificationUri()}} */
    public String userCode() {
        return userCode;
    }

    /** {@return where the user enters the user code ({@code verification_uri})} */
    public URI verificationUri() {
        return verificationUri;
    }

    /** {@return the verification URI with the user code in it, or null when the server gave none} */
    public URI verificationUriComplete() {
        return verificationUriComplete;
    }

    /** {@return when the device code expires} */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** {@return the minimum wait between polls the server asked for (5 s when it did not say)} */
    public Duration interval() {
        return interval;
    }

    /** {@return the authorization server's endpoints} */
    public OAuthEndpoints endpoints() {
        return endpoints;
    }

    /** {@return the client id the authorization was requested for} */
    public String clientId() {
        return clientId;
    }

    String deviceCode() {
        return deviceCode;
    }

    @Override
    public String toString() {
        return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri
                + ", expiresAt=" + expiresAt + ", interval=" + interval + ", deviceCode=<redacted>]";
    }
}
