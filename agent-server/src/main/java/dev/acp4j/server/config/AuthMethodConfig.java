package dev.acp4j.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One auth method as configured. Fields that a type does not use are null or empty.
 *
 * @param provider     whose credential the method yields (methods of one provider satisfy
 *                     each other's sessions)
 * @param providerName how messages name the provider to people (e.g. "OpenAI"); defaults to {@code provider}
 * @param inputs       {@code env_var}: the variables; {@code start_param}: the flags
 * @param args         {@code terminal}: launch arguments appended for a terminal login
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

    /** {@code oauth2} settings. */
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
            Duration timeout) {
    }
}
