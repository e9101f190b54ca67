package dev.acp4j.auth.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code oauth2} method's {@code exchange} step: after the sign-in (and after every refresh),
 * the OAuth access token is sent to {@code endpoint}, which answers a short-lived API token in a
 * JSON body, e.g. GitHub Copilot's {@code GET /copilot_internal/v2/token} answering
 * {@code {"token": "…", "expires_at": 1767225600, "endpoints": {"api": "https://…"}}}. That token is
 * the credential agent code gets; the OAuth token stays the long-lived, refreshable secret.
 *
 * <p>Field names are dotted paths into the response, e.g. {@code endpoints.api}.
 *
 * @param endpoint        the absolute http(s) URL of the exchange
 * @param method          {@code GET} (the default) or {@code POST}
 * @param headers         sent with the exchange request (not with the API calls: those are the
 *                        method's own {@code headers})
 * @param tokenPlacement  where the OAuth token goes, see {@link TokenPlacement}; default
 *                        {@code "authorization: Bearer"}
 * @param tokenField      the response field holding the API token; default {@code token}
 * @param expiresAtField  the response field holding its expiry in seconds since the epoch; default
 *                        {@code expires_at} unless {@code expiresInField} is given
 * @param expiresInField  the response field holding its lifetime in seconds from now, or null
 * @param apiBaseUrlField the response field holding the API base URL, which then overrides the
 *                        method's {@code apiBaseUrl}, or null
 */
public record ExchangeConfig(
        String endpoint,
        String method,
        Map<String, String> headers,
        String tokenPlacement,
        String tokenField,
        String expiresAtField,
        String expiresInField,
        String apiBaseUrlField) {

    /** {@code method}: an HTTP GET (the default). */
    public static final String GET = "GET";
    /** {@code method}: an HTTP POST. */
    public static final String POST = "POST";
    /** The default {@code tokenPlacement}: the {@code Authorization} header with the Bearer scheme. */
    public static final String DEFAULT_TOKEN_PLACEMENT = "authorization: Bearer";
    /** The default {@code tokenField}. */
    public static final String DEFAULT_TOKEN_FIELD = "token";
    /** The default {@code expiresAtField}, when {@code expiresInField} is not given. */
    public static final String DEFAULT_EXPIRES_AT_FIELD = "expires_at";

    /**
     * Applies the defaults: {@code GET}, {@code "authorization: Bearer"}, {@code token}, {@code expires_at}.
     *
     * @param endpoint        the absolute http(s) URL of the exchange
     * @param method          {@code GET} (the default) or {@code POST}
     * @param headers         sent with the exchange request (not with the API calls: those are the
     *                        method's own {@code headers})
     * @param tokenPlacement  where the OAuth token goes, see {@link TokenPlacement}; default
     *                        {@code "authorization: Bearer"}
     * @param tokenField      the response field holding the API token; default {@code token}
     * @param expiresAtField  the response field holding its expiry in seconds since the epoch; default
     *                        {@code expires_at} unless {@code expiresInField} is given
     * @param expiresInField  the response field holding its lifetime in seconds from now, or null
     * @param apiBaseUrlField the response field holding the API base URL, which then overrides the
     *                        method's {@code apiBaseUrl}, or null
     */
    public ExchangeConfig {
        method = method == null ? GET : method;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        tokenPlacement = tokenPlacement == null ? DEFAULT_TOKEN_PLACEMENT : tokenPlacement;
        tokenField = tokenField == null ? DEFAULT_TOKEN_FIELD : tokenField;
        expiresAtField = expiresAtField == null && expiresInField == null ? DEFAULT_EXPIRES_AT_FIELD : expiresAtField;
    }

    /**
     * An exchange at {@code endpoint}; the other settings have their defaults until set.
     *
     * @param endpoint the absolute http(s) URL of the exchange
     * @return a builder
     */
    public static Builder builder(String endpoint) {
        return new Builder(endpoint);
    }

    /** Builds an {@link ExchangeConfig}; the method's builder checks it with the rest of the method. */
    public static final class Builder {
        private final String endpoint;
        private String method;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String tokenPlacement;
        private String tokenField;
        private String expiresAtField;
        private String expiresInField;
        private String apiBaseUrlField;

        private Builder(String endpoint) {
            this.endpoint = endpoint;
        }

        /**
         * {@code GET} (default) or {@code POST}.
         *
         * @param value the HTTP method
         * @return this builder
         */
        public Builder method(String value) {
            this.method = value;
            return this;
        }

        /**
         * A header sent with the exchange request.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            this.headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Where the OAuth token goes, e.g. {@code "authorization: token"}; see {@link TokenPlacement}.
         *
         * @param value {@code "WHERE: NAME"}
         * @return this builder
         */
        public Builder tokenPlacement(String value) {
            this.tokenPlacement = value;
            return this;
        }

        /**
         * The response field holding the API token (default {@code token}).
         *
         * @param value the field name
         * @return this builder
         */
        public Builder tokenField(String value) {
            this.tokenField = value;
            return this;
        }

        /**
         * The response field holding the expiry in epoch seconds (default {@code expires_at}).
         *
         * @param value the field name
         * @return this builder
         */
        public Builder expiresAtField(String value) {
            this.expiresAtField = value;
            return this;
        }

        /**
         * The response field holding the lifetime in seconds, instead of {@link #expiresAtField}.
         *
         * @param value the field name
         * @return this builder
         */
        public Builder expiresInField(String value) {
            this.expiresInField = value;
            return this;
        }

        /**
         * The response field holding the API base URL, e.g. {@code endpoints.api}.
         *
         * @param value the field name, dotted for a nested field
         * @return this builder
         */
        public Builder apiBaseUrlField(String value) {
            this.apiBaseUrlField = value;
            return this;
        }

        /** {@return the exchange} */
        public ExchangeConfig build() {
            return new ExchangeConfig(endpoint, method, headers, tokenPlacement, tokenField, expiresAtField,
                    expiresInField, apiBaseUrlField);
        }
    }
}
