package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An environment variable an {@code env_var} auth method reads.
 *
 * @param name the variable name, e.g. {@code OPENAI_API_KEY}
 * @param label what the client shows when asking for it, or null
 * @param secret whether the client masks it; null means true
 * @param optional whether the method works without it; null means false
 * @param meta extension data ({@code _meta}), or null
 */
public record AuthEnvVar(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("label") String label,
        @JsonProperty("secret") Boolean secret,
        @JsonProperty("optional") Boolean optional,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A required, secret variable.
     *
     * @param name the variable name, e.g. {@code OPENAI_API_KEY}
     * @param label what the client shows the user when asking for the value, or null
     * @return the variable descriptor
     */
    public static AuthEnvVar of(String name, String label) {
        return new AuthEnvVar(name, label, null, null, null);
    }

    /**
     * {@link #secret()} with its default applied (true).
     *
     * @return whether the client should mask the value
     */
    public boolean secretOrDefault() {
        return secret == null || secret;
    }

    /**
     * {@link #optional()} with its default applied (false).
     *
     * @return whether the method works without this value
     */
    public boolean optionalOrDefault() {
        return optional != null && optional;
    }
}
