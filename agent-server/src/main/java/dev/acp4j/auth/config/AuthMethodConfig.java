package dev.acp4j.auth.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One auth method as configured. Fields that a type does not use are null or empty.
 *
 * <p>In code, start from the factory of its type, e.g.
 * {@code AuthMethodConfig.apiKeyPage("weather-key-page", "Enter a Weather API key").provider("weather").build()};
 * {@link Builder#build()} applies the same rules, with the same messages, as a {@code --config} file.
 *
 * @param id           unique among the methods of a configuration
 * @param type         the kind of method
 * @param name         shown to the user by the client
 * @param description  optional longer text
 * @param provider     whose credential the method yields (methods of one provider satisfy
 *                     each other's sessions)
 * @param providerName how messages name the provider to people (e.g. "OpenAI"); null or blank: {@code provider}
 * @param inputs       {@code env_var}: the variables; {@code start_param}: the flags
 * @param link         {@code env_var}/{@code start_param}: where the user gets the value
 * @param args         {@code terminal}: launch arguments appended for a terminal login
 * @param env          {@code terminal}: environment variables for a terminal login
 * @param keyPattern   {@code api_key_page}: a regular expression a plausible key matches
 * @param oauth        {@code oauth2} settings
 */
public record AuthMethodConfig(
        String id,
        AuthMethodType type,
        String name,
        String description,
        String provider,
        String providerName,
        List<CredentialInput> inputs,
        String link,
        List<String> args,
        Map<String, String> env,
        String keyPattern,
        OAuthConfig oauth) {

    /**
     * A null or blank {@code providerName} reads as {@code provider}.
     *
     * @param id           unique among the methods of a configuration
     * @param type         the kind of method
     * @param name         shown to the user by the client
     * @param description  optional longer text
     * @param provider     whose credential the method yields (methods of one provider satisfy
     *                     each other's sessions)
     * @param providerName how messages name the provider to people (e.g. "OpenAI"); null or blank: {@code provider}
     * @param inputs       {@code env_var}: the variables; {@code start_param}: the flags
     * @param link         {@code env_var}/{@code start_param}: where the user gets the value
     * @param args         {@code terminal}: launch arguments appended for a terminal login
     * @param env          {@code terminal}: environment variables for a terminal login
     * @param keyPattern   {@code api_key_page}: a regular expression a plausible key matches
     * @param oauth        {@code oauth2} settings
     */
    public AuthMethodConfig {
        providerName = providerName == null || providerName.isBlank() ? provider : providerName;
    }

    /**
     * {@code oauth2} settings.
     *
     * @param issuer                      the authorization server (discovered by RFC 8414 / OpenID)
     * @param clientId                    a public client's id
     * @param scopes                      requested scopes
     * @param flow                        {@code auto}, {@code authorization_code} or {@code device_code}
     * @param authorizationEndpoint       explicit endpoint when the server publishes no metadata
     * @param tokenEndpoint               explicit endpoint when the server publishes no metadata
     * @param deviceAuthorizationEndpoint explicit endpoint when the server publishes no metadata
     * @param revocationEndpoint          explicit endpoint when the server publishes no metadata
     * @param redirectPort                fixed loopback port, or null for a random one
     * @param timeout                     how long the sign-in may take, or null for the server's default
     * @param codeEntry                   how the authorization code comes back: {@code loopback} (a redirect
     *                                    to a 127.0.0.1 listener) or {@code paste} (the provider's own
     *                                    {@code redirectUri} shows the code and the user pastes it)
     * @param redirectUri                 {@code codeEntry} {@code paste}: the provider's redirect URI, sent
     *                                    in the authorization and the token request
     * @param headers                     headers the provider's API requires with this credential
     *                                    ({@code dev.acp4j.auth.Credential#headers()}); empty for none
     * @param apiBaseUrl                  the provider's API base URL
     *                                    ({@code Credential#attribute("apiBaseUrl")}), or null
     * @param exchange                    turns the OAuth token into a short-lived API token, or null
     * @param clientSecretFile            a confidential client's secret: a file readable by its owner only, or null
     * @param tokenEndpointAuthMethod     {@code client_secret_basic} or {@code client_secret_post}, or null to follow
     *                                    the server's {@code token_endpoint_auth_methods_supported}
     * @param caBundle                    a PEM file of CA certificates added to the default trust, or null
     */
    public record OAuthConfig(
            String issuer,
            String clientId,
            List<String> scopes,
            String flow,
            String authorizationEndpoint,
            String tokenEndpoint,
            String deviceAuthorizationEndpoint,
            String revocationEndpoint,
            Integer redirectPort,
            Duration timeout,
            String codeEntry,
            String redirectUri,
            Map<String, String> headers,
            String apiBaseUrl,
            ExchangeConfig exchange,
            String clientSecretFile,
            String tokenEndpointAuthMethod,
            String caBundle) {

        /** {@code codeEntry}: the code comes back through a redirect to a 127.0.0.1 listener (the default). */
        public static final String LOOPBACK = "loopback";
        /** {@code codeEntry}: the provider's page shows the code and the user pastes it. */
        public static final String PASTE = "paste";

        /**
         * Copies {@code headers}; null reads as none.
         *
         * @param issuer                      the authorization server (discovered by RFC 8414 / OpenID)
         * @param clientId                    a public client's id
         * @param scopes                      requested scopes
         * @param flow                        {@code auto}, {@code authorization_code} or {@code device_code}
         * @param authorizationEndpoint       explicit endpoint when the server publishes no metadata
         * @param tokenEndpoint               explicit endpoint when the server publishes no metadata
         * @param deviceAuthorizationEndpoint explicit endpoint when the server publishes no metadata
         * @param revocationEndpoint          explicit endpoint when the server publishes no metadata
         * @param redirectPort                fixed loopback port, or null for a random one
         * @param timeout                     how long the sign-in may take, or null for the server's default
         * @param codeEntry                   how the authorization code comes back: {@code loopback} (a redirect
         *                                    to a 127.0.0.1 listener) or {@code paste} (the provider's own
         *                                    {@code redirectUri} shows the code and the user pastes it)
         * @param redirectUri                 {@code codeEntry} {@code paste}: the provider's redirect URI, sent
         *                                    in the authorization and the token request
         * @param headers                     headers the provider's API requires with this credential
         *                                    ({@code dev.acp4j.auth.Credential#headers()}); empty for none
         * @param apiBaseUrl                  the provider's API base URL
         *                                    ({@code Credential#attribute("apiBaseUrl")}), or null
         * @param exchange                    turns the OAuth token into a short-lived API token, or null
         * @param clientSecretFile            a confidential client's secret: a file readable by its owner only, or null
         * @param tokenEndpointAuthMethod     {@code client_secret_basic} or {@code client_secret_post}, or null to follow
         *                                    the server's {@code token_endpoint_auth_methods_supported}
         * @param caBundle                    a PEM file of CA certificates added to the default trust, or null
         */
        public OAuthConfig {
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /**
         * A public client trusting the default CAs, loopback code entry and no provider API settings (no headers, base URL or exchange).
         *
         * @param issuer the authorization server, or null with explicit endpoints
         * @param clientId the public client's id
         * @param scopes requested scopes
         * @param flow {@code auto}, {@code authorization_code} or {@code device_code}
         * @param authorizationEndpoint explicit endpoint, or null
         * @param tokenEndpoint explicit endpoint, or null
         * @param deviceAuthorizationEndpoint explicit endpoint, or null
         * @param revocationEndpoint explicit endpoint, or null
         * @param redirectPort fixed loopback port, or null for a random one
         * @param timeout how long the sign-in may take, or null for the server's default
         */
        public OAuthConfig(String issuer, String clientId, List<String> scopes, String flow,
                           String authorizationEndpoint, String tokenEndpoint, String deviceAuthorizationEndpoint,
                           String revocationEndpoint, Integer redirectPort, Duration timeout) {
            this(issuer, clientId, scopes, flow, authorizationEndpoint, tokenEndpoint, deviceAuthorizationEndpoint,
                    revocationEndpoint, redirectPort, timeout, LOOPBACK, null, Map.of(), null, null, null, null, null);
        }

        /** {@return whether the user pastes the code the provider's page shows ({@code "codeEntry": "paste"})} */
        public boolean pastesCode() {
            return PASTE.equals(codeEntry);
        }
    }

    /**
     * A one-time local page where the user pastes an API key ({@code api_key_page}).
     *
     * @param id the method id
     * @param name what the client shows the user
     * @return a builder for the method
     */
    public static Builder apiKeyPage(String id, String name) {
        return new Builder(AuthMethodType.API_KEY_PAGE, id, name);
    }

    /**
     * A key read from environment variables ({@code env_var}); add them with {@link Builder#variable}.
     *
     * @param id the method id
     * @param name what the client shows the user
     * @return a builder for the method
     */
    public static Builder envVar(String id, String name) {
        return new Builder(AuthMethodType.ENV_VAR, id, name);
    }

    /**
     * A key read from command-line flags ({@code start_param}); add them with {@link Builder#parameter}.
     *
     * @param id the method id
     * @param name what the client shows the user
     * @return a builder for the method
     */
    public static Builder startParam(String id, String name) {
        return new Builder(AuthMethodType.START_PARAM, id, name);
    }

    /**
     * The agent's own login run by the client in a terminal ({@code terminal}).
     *
     * @param id the method id
     * @param name what the client shows the user
     * @return a builder for the method
     */
    public static Builder terminal(String id, String name) {
        return new Builder(AuthMethodType.TERMINAL, id, name);
    }

    /**
     * OAuth 2 sign-in ({@code oauth2}): give {@link Builder#issuer} (or both endpoints) and {@link Builder#clientId}.
     *
     * @param id the method id
     * @param name what the client shows the user
     * @return a builder for the method
     */
    public static Builder oauth2(String id, String name) {
        return new Builder(AuthMethodType.OAUTH2, id, name);
    }

    /** Builds one {@link AuthMethodConfig}; setters of keys another type uses are ignored for this type. */
    public static final class Builder {
        private final AuthMethodType type;
        private final String id;
        private final String name;
        private String description;
        private String provider;
        private String providerName;
        private final List<CredentialInput> inputs = new ArrayList<>();
        private String link;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String keyPattern;
        private String issuer;
        private String clientId;
        private final List<String> scopes = new ArrayList<>();
        private String flow = "auto";
        private String authorizationEndpoint;
        private String tokenEndpoint;
        private String deviceAuthorizationEndpoint;
        private String revocationEndpoint;
        private Integer redirectPort;
        private Duration timeout;
        private String codeEntry = OAuthConfig.LOOPBACK;
        private String redirectUri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String apiBaseUrl;
        private ExchangeConfig exchange;
        private String clientSecretFile;
        private String tokenEndpointAuthMethod;
        private String caBundle;

        private Builder(AuthMethodType type, String id, String name) {
            this.type = type;
            this.id = id;
            this.name = name;
        }

        /**
         * Optional longer text for the client.
         *
         * @param value the description
         * @return this builder
         */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /**
         * Whose credential the method yields; default: the id.
         *
         * @param value the provider id, e.g. {@code openai}
         * @return this builder
         */
        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        /**
         * How sign-in messages and the AUTH_REQUIRED error name the provider to people, e.g.
         * {@code "OpenAI"} for provider {@code openai}; default: the provider.
         *
         * @param value the name people read
         * @return this builder
         */
        public Builder providerName(String value) {
            this.providerName = value;
            return this;
        }

        /**
         * {@code env_var}: a required secret variable.
         *
         * @param variableName e.g. {@code OPENAI_API_KEY}
         * @param label what the client shows when asking for it
         * @return this builder
         */
        public Builder variable(String variableName, String label) {
            return input(new CredentialInput(variableName, label, true, false));
        }

        /**
         * {@code env_var}: a required variable holding an OAuth/bearer token ({@code "kind": "oauth_token"}).
         *
         * @param variableName e.g. {@code ANTHROPIC_OAUTH_TOKEN}
         * @param label what the client shows when asking for it
         * @return this builder
         */
        public Builder tokenVariable(String variableName, String label) {
            return input(new CredentialInput(variableName, label, true, false, CredentialInput.OAUTH_TOKEN));
        }

        /**
         * {@code start_param}: a required flag naming a file that holds the secret.
         *
         * @param flag e.g. {@code --api-key-file}
         * @param label what the client shows when asking for it
         * @return this builder
         */
        public Builder parameter(String flag, String label) {
            return input(new CredentialInput(flag, label, true, false));
        }

        /**
         * {@code env_var}/{@code start_param}: any input.
         *
         * @param value the input
         * @return this builder
         */
        public Builder input(CredentialInput value) {
            this.inputs.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * {@code env_var}/{@code start_param}: where the user gets the value.
         *
         * @param value a URL
         * @return this builder
         */
        public Builder link(String value) {
            this.link = value;
            return this;
        }

        /**
         * {@code terminal}: arguments appended after {@code --login}.
         *
         * @param values the arguments
         * @return this builder
         */
        public Builder args(List<String> values) {
            this.args.addAll(values);
            return this;
        }

        /**
         * {@code terminal}: an environment variable for the terminal login.
         *
         * @param variable its name
         * @param value its value
         * @return this builder
         */
        public Builder env(String variable, String value) {
            this.env.put(variable, value);
            return this;
        }

        /**
         * {@code api_key_page}: a regular expression a plausible key matches.
         *
         * @param value a Java regular expression
         * @return this builder
         */
        public Builder keyPattern(String value) {
            this.keyPattern = value;
            return this;
        }

        /**
         * {@code oauth2}: the authorization server's issuer URL.
         *
         * @param value the issuer URL (RFC 8414)
         * @return this builder
         */
        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        /**
         * {@code oauth2}: the public client's id.
         *
         * @param value the client id
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /**
         * {@code oauth2}: requested scopes.
         *
         * @param values the scopes
         * @return this builder
         */
        public Builder scopes(List<String> values) {
            this.scopes.addAll(values);
            return this;
        }

        /**
         * {@code oauth2}: {@code auto} (default), {@code authorization_code} or {@code device_code}.
         *
         * @param value the flow
         * @return this builder
         */
        public Builder flow(String value) {
            this.flow = value;
            return this;
        }

        /**
         * {@code oauth2}: explicit endpoint when the server publishes no metadata.
         *
         * @param value the authorization endpoint URL
         * @return this builder
         */
        public Builder authorizationEndpoint(String value) {
            this.authorizationEndpoint = value;
            return this;
        }

        /**
         * {@code oauth2}: explicit endpoint when the server publishes no metadata.
         *
         * @param value the token endpoint URL
         * @return this builder
         */
        public Builder tokenEndpoint(String value) {
            this.tokenEndpoint = value;
            return this;
        }

        /**
         * {@code oauth2}: explicit endpoint when the server publishes no metadata.
         *
         * @param value the device authorization endpoint URL (RFC 8628)
         * @return this builder
         */
        public Builder deviceAuthorizationEndpoint(String value) {
            this.deviceAuthorizationEndpoint = value;
            return this;
        }

        /**
         * {@code oauth2}: explicit endpoint when the server publishes no metadata.
         *
         * @param value the revocation endpoint URL (RFC 7009)
         * @return this builder
         */
        public Builder revocationEndpoint(String value) {
            this.revocationEndpoint = value;
            return this;
        }

        /**
         * {@code oauth2}: a fixed loopback redirect port.
         *
         * @param value the port on 127.0.0.1
         * @return this builder
         */
        public Builder redirectPort(int value) {
            this.redirectPort = value;
            return this;
        }

        /**
         * {@code oauth2}: how long the sign-in may take.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * {@code oauth2}: {@code loopback} (default) or {@code paste}; see {@link #pasteCode(String)}.
         *
         * @param value {@code loopback} or {@code paste}
         * @return this builder
         */
        public Builder codeEntry(String value) {
            this.codeEntry = value;
            return this;
        }

        /**
         * {@code oauth2}: the provider's redirect URI (with {@code codeEntry} {@code paste}).
         *
         * @param value the redirect URI registered with the provider
         * @return this builder
         */
        public Builder redirectUri(String value) {
            this.redirectUri = value;
            return this;
        }

        /**
         * {@code oauth2}: the provider's page at {@code providerRedirectUri} shows the code and the
         * user pastes it ({@code "codeEntry": "paste"}), instead of a redirect to 127.0.0.1.
         *
         * @param providerRedirectUri the redirect URI registered with the provider
         * @return this builder
         */
        public Builder pasteCode(String providerRedirectUri) {
            return codeEntry(OAuthConfig.PASTE).redirectUri(providerRedirectUri);
        }

        /**
         * {@code oauth2}: a header the provider's API requires, given to agent code with the credential.
         *
         * @param headerName the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String headerName, String value) {
            this.headers.put(Objects.requireNonNull(headerName), Objects.requireNonNull(value));
            return this;
        }

        /**
         * {@code oauth2}: the provider's API base URL, given to agent code with the credential.
         *
         * @param value the base URL
         * @return this builder
         */
        public Builder apiBaseUrl(String value) {
            this.apiBaseUrl = value;
            return this;
        }

        /**
         * {@code oauth2}: exchange the OAuth token for a short-lived API token, see {@link ExchangeConfig}.
         *
         * @param value the exchange
         * @return this builder
         */
        public Builder exchange(ExchangeConfig value) {
            this.exchange = value;
            return this;
        }

        /**
         * {@code oauth2}: a confidential client's secret file (readable by its owner only).
         *
         * @param value path of the file holding the client secret
         * @return this builder
         */
        public Builder clientSecretFile(String value) {
            this.clientSecretFile = value;
            return this;
        }

        /**
         * {@code oauth2}: {@code client_secret_basic} or {@code client_secret_post}; default: as the server's metadata says.
         *
         * @param value the RFC 7591 {@code token_endpoint_auth_method} name
         * @return this builder
         */
        public Builder tokenEndpointAuthMethod(String value) {
            this.tokenEndpointAuthMethod = value;
            return this;
        }

        /**
         * {@code oauth2}: a PEM file of CA certificates trusted in addition to the default ones.
         *
         * @param value path of the PEM file
         * @return this builder
         */
        public Builder caBundle(String value) {
            this.caBundle = value;
            return this;
        }

        /**
         * The method.
         *
         * @return the method
         * @throws IllegalArgumentException naming every problem, worded as for a {@code --config} file
         */
        public AuthMethodConfig build() {
            OAuthConfig oauth = type != AuthMethodType.OAUTH2 ? null : new OAuthConfig(issuer, clientId,
                    List.copyOf(scopes), flow, authorizationEndpoint, tokenEndpoint, deviceAuthorizationEndpoint,
                    revocationEndpoint, redirectPort, timeout, codeEntry, redirectUri, headers, apiBaseUrl, exchange,
                    clientSecretFile, tokenEndpointAuthMethod, caBundle);
            boolean usesInputs = type == AuthMethodType.ENV_VAR || type == AuthMethodType.START_PARAM;
            AuthMethodConfig method = new AuthMethodConfig(id, type, name, description, provider == null ? id : provider,
                    providerName, usesInputs ? List.copyOf(inputs) : List.of(), usesInputs ? link : null,
                    type == AuthMethodType.TERMINAL ? List.copyOf(args) : List.of(),
                    type == AuthMethodType.TERMINAL ? Map.copyOf(env) : Map.of(),
                    type == AuthMethodType.API_KEY_PAGE ? keyPattern : null, oauth);
            List<String> problems = new ArrayList<>();
            AuthMethodRules.checkMethod(method, AuthMethodRules.label("auth method", id), Set.of(), problems::add);
            if (!problems.isEmpty()) {
                // the wording of dev.acp4j.server.config's messages for a configuration built in code
                throw new IllegalArgumentException("config (code): " + String.join("; ", problems));
            }
            return method;
        }
    }
}
