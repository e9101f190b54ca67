package dev.acp4j.auth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules one auth method must follow, whether it was read from JSON
 * ({@code dev.acp4j.server.config.ConfigLoader}) or built in code ({@link AuthMethodConfig}'s
 * builders, {@code ServerConfig.builder()}): one place, one wording. The loader checks only what
 * JSON adds (types, unknown keys) and then these. Not part of the author API.
 */
public final class AuthMethodRules {

    /**
     * The launcher's own options: a {@code start_param} flag may not be one of them.
     * Kept in step with {@code dev.acp4j.cli.LauncherOptions}.
     */
    static final Set<String> LAUNCHER_OPTIONS = Set.of("--config", "--trace", "--max-line-bytes", "--log-level",
            "--login", "--force", "--logout", "--status", "--help", "-h", "--version", "-V");

    private static final Set<String> INPUT_KINDS = Set.of(CredentialInput.API_KEY, CredentialInput.OAUTH_TOKEN);
    private static final Set<String> OAUTH_FLOWS = Set.of("auto", "authorization_code", "device_code");
    private static final Pattern FLAG = Pattern.compile("--[A-Za-z0-9][A-Za-z0-9-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AuthMethodRules() {
    }

    /**
     * How an auth method is named in messages, e.g. {@code authMethods[2] (id 'openai-page')}.
     *
     * @param where the method's position, e.g. {@code authMethods[2]}
     * @param id the method's id, or null
     * @return the label
     */
    public static String label(String where, String id) {
        return id == null ? where : where + " (id '" + id + "')";
    }

    /**
     * Checks one auth method.
     *
     * @param method the method
     * @param label how the method is named in messages, see {@link #label(String, String)}
     * @param reported keys whose value was already reported as malformed (nothing more is said of them)
     * @param problems receives one message per problem
     */
    public static void checkMethod(AuthMethodConfig method, String label, Set<String> reported,
                                   Consumer<String> problems) {
        requireText(method.id(), "id", label, reported, problems);
        requireText(method.name(), "name", label, reported, problems);
        if (method.id() != null && method.id().isBlank()) {
            problems.accept(label + ": id must not be empty");
        }
        if (method.type() == null) {
            requireText(null, "type", label, reported, problems);
            return;
        }
        switch (method.type()) {
            case ENV_VAR -> inputs(method.inputs(), "vars", label, reported, problems, ENV_NAME,
                    "an environment variable name");
            case START_PARAM -> {
                inputs(method.inputs(), "params", label, reported, problems, FLAG,
                        "a command-line flag such as --api-key-file");
                for (int i = 0; i < method.inputs().size(); i++) {
                    String name = method.inputs().get(i).name();
                    if (name != null && LAUNCHER_OPTIONS.contains(name)) {
                        problems.accept(label + ": params[" + i + "]: name '" + name
                                + "' is an option of the launcher itself; choose another flag");
                    }
                }
            }
            case API_KEY_PAGE -> {
                if (method.keyPattern() != null) {
                    try {
                        Pattern.compile(method.keyPattern());
                    } catch (PatternSyntaxException e) {
                        problems.accept(label + ": keyPattern is not a valid regular expression");
                    }
                }
            }
            case OAUTH2 -> oauth(method.oauth(), label, reported, problems);
            case TERMINAL -> {
                // args and env are free-form
            }
            default -> throw new IllegalStateException(method.type().toString());
        }
    }

    private static void oauth(AuthMethodConfig.OAuthConfig oauth, String label, Set<String> reported, Consumer<String> problems) {
        if (oauth == null) {
            problems.accept(label + ": an oauth2 method needs its oauth2 settings");
            return;
        }
        requireText(oauth.clientId(), "clientId", label, reported, problems);
        if (oauth.flow() != null && !OAUTH_FLOWS.contains(oauth.flow())) {
            problems.accept(label + ": flow must be one of auto, authorization_code, device_code");
        }
        if (oauth.issuer() == null && !reported.contains("issuer")) {
            boolean deviceOnly = "device_code".equals(oauth.flow());
            boolean device = oauth.deviceAuthorizationEndpoint() != null && !"authorization_code".equals(oauth.flow());
            if (deviceOnly && (oauth.deviceAuthorizationEndpoint() == null || oauth.tokenEndpoint() == null)) {
                problems.accept(label + ": flow device_code needs an issuer, or both deviceAuthorizationEndpoint and tokenEndpoint");
            } else if (!deviceOnly && (oauth.tokenEndpoint() == null || oauth.authorizationEndpoint() == null && !device)) {
                problems.accept(label + ": needs an issuer, or both authorizationEndpoint and tokenEndpoint");
            }
        }
        httpUrl(oauth.issuer(), "issuer", label, problems);
        httpUrl(oauth.authorizationEndpoint(), "authorizationEndpoint", label, problems);
        httpUrl(oauth.tokenEndpoint(), "tokenEndpoint", label, problems);
        httpUrl(oauth.deviceAuthorizationEndpoint(), "deviceAuthorizationEndpoint", label, problems);
        httpUrl(oauth.revocationEndpoint(), "revocationEndpoint", label, problems);
        if (oauth.redirectPort() != null && (oauth.redirectPort() < 1 || oauth.redirectPort() > 65535)) {
            problems.accept(label + ": redirectPort must be a port number (1-65535)");
        }
        if (oauth.timeout() != null && (oauth.timeout().isNegative() || oauth.timeout().isZero())) {
            problems.accept(label + ": timeoutSeconds must be a positive whole number");
        }
        CodeEntryRules.check(oauth, label, reported, problems);
        httpUrl(oauth.apiBaseUrl(), "apiBaseUrl", label, problems);
        if (oauth.exchange() != null) {
            httpUrl(oauth.exchange().endpoint(), "exchange.endpoint", label, problems);
        }
        ProviderApiRules.check(oauth, label, problems);
        ClientRules.checkClient(oauth.clientSecretFile(), oauth.tokenEndpointAuthMethod(), oauth.caBundle(), label,
                problems);
    }

    private static void httpUrl(String value, String key, String label, Consumer<String> problems) {
        if (value == null) {
            return;
        }
        boolean valid;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            valid = uri.isAbsolute() && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
            if (valid && scheme.equals("http") && !ClientRules.isLoopback(uri.getHost())) {
                problems.accept(label + ": " + key + " '" + value + "' " + ClientRules.PLAIN_HTTP_RULE);
                return;
            }
        } catch (URISyntaxException e) {
            valid = false;
        }
        if (!valid) {
            problems.accept(label + ": " + key + " '" + value + "' is not an absolute http(s) URL");
        }
    }

    private static void inputs(List<CredentialInput> inputs, String key, String label, Set<String> reported,
                               Consumer<String> problems, Pattern namePattern, String nameMeaning) {
        if (reported.contains(key)) {
            return;
        }
        if (inputs == null || inputs.isEmpty()) {
            problems.accept(label + ": " + key + " must be a non-empty array of {name, label?, secret?, optional?, kind?}");
            return;
        }
        for (int i = 0; i < inputs.size(); i++) {
            String where = label + ": " + key + "[" + i + "]";
            String name = inputs.get(i).name();
            if (name == null) {
                if (!reported.contains(key + "[" + i + "].name")) {
                    problems.accept(where + ": missing \"name\"");
                }
            } else if (!namePattern.matcher(name).matches()) {
                problems.accept(where + ": name '" + name + "' must be " + nameMeaning);
            }
            CredentialInput input = inputs.get(i);
            if (input.kind() != null && !INPUT_KINDS.contains(input.kind())) {
                problems.accept(where + ": kind must be " + CredentialInput.API_KEY + " or " + CredentialInput.OAUTH_TOKEN);
            } else if (input.oauthToken() && !input.secret()) {
                problems.accept(where + ": an input of kind " + CredentialInput.OAUTH_TOKEN + " is a secret; it cannot set \"secret\": false");
            }
        }
    }

    private static void requireText(String value, String key, String label, Set<String> reported, Consumer<String> problems) {
        if (value == null && !reported.contains(key)) {
            problems.accept(label + ": missing \"" + key + "\"");
        }
    }
}
