package dev.acp4j.auth.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of auth method a configuration declares, and their wire type. */
public enum AuthMethodType {
    /** A one-time local page where the user pastes an API key; an {@code agent} method on the wire. */
    API_KEY_PAGE("api_key_page", null),
    /** OAuth 2 sign-in run by the agent; an {@code agent} method on the wire. */
    OAUTH2("oauth2", null),
    /** Values the client passes as environment variables; {@code env_var} on the wire. */
    ENV_VAR("env_var", "env_var"),
    /** Values the client passes as command-line flags; {@code start_param} on the wire. */
    START_PARAM("start_param", "start_param"),
    /** The agent's own login, run by the client in a terminal; {@code terminal} on the wire. */
    TERMINAL("terminal", "terminal");

    private final String configName;
    private final String wireType;

    AuthMethodType(String configName, String wireType) {
        this.configName = configName;
        this.wireType = wireType;
    }

    /** {@return the spelling in a configuration's {@code type}, e.g. {@code api_key_page}} */
    public String configName() {
        return configName;
    }

    /** {@return the {@code type} on the wire, or null for an {@code agent} method (no {@code type})} */
    public String wireType() {
        return wireType;
    }

    /**
     * The type a configuration spells {@code name}.
     *
     * @param name e.g. {@code oauth2}
     * @return the type, or empty for an unknown name
     */
    public static Optional<AuthMethodType> fromConfigName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst();
    }

    /** {@return every configuration spelling, comma-separated, for messages} */
    public static String allConfigNames() {
        return String.join(", ", Arrays.stream(values()).map(AuthMethodType::configName).toList());
    }

    @Override
    public String toString() {
        return configName.toLowerCase(Locale.ROOT);
    }
}
