package dev.acp4j.auth.config;

/**
 * One value an {@code env_var} method reads from the environment or a {@code start_param}
 * method reads from the command line. A secret start parameter names a file holding it.
 *
 * @param name     the variable (e.g. {@code OPENAI_API_KEY}) or flag (e.g. {@code --openai-key-file})
 * @param label    shown to the user, or null
 * @param secret   whether the value is a secret (a secret start parameter names a file)
 * @param optional whether the method works without it
 * @param kind     what the secret is: {@link #API_KEY} (also when null) or {@link #OAUTH_TOKEN}, an
 *                 OAuth/bearer token (e.g. {@code ANTHROPIC_OAUTH_TOKEN}), which outranks every
 *                 other credential of the provider
 */
public record CredentialInput(String name, String label, boolean secret, boolean optional, String kind) {

    /** {@code "kind": "api_key"}, the default. */
    public static final String API_KEY = "api_key";
    /** {@code "kind": "oauth_token"}: an OAuth access token given by the environment or a start parameter. */
    public static final String OAUTH_TOKEN = "oauth_token";

    /**
     * An input of kind {@code api_key}.
     *
     * @param name the variable or flag name
     * @param label what the client shows when asking for it
     * @param secret whether the client should mask it
     * @param optional whether the method works without it
     */
    public CredentialInput(String name, String label, boolean secret, boolean optional) {
        this(name, label, secret, optional, null);
    }

    /** {@return whether this input holds an OAuth/bearer token rather than an API key} */
    public boolean oauthToken() {
        return OAUTH_TOKEN.equals(kind);
    }
}
