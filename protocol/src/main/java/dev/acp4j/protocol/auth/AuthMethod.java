package dev.acp4j.protocol.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * An authentication method the agent advertises, discriminated by {@code type}; no {@code type} means
 * {@code agent}. {@code env_var} and {@code start_param} are the acp4j auth profile's extensions.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        defaultImpl = AuthMethod.Agent.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = AuthMethod.Agent.class, name = "agent"),
        @JsonSubTypes.Type(value = AuthMethod.Terminal.class, name = "terminal"),
        @JsonSubTypes.Type(value = AuthMethod.EnvVar.class, name = "env_var"),
        @JsonSubTypes.Type(value = AuthMethod.StartParam.class, name = "start_param")
})
@JsonPropertyOrder({"id", "name", "description", "type"})
public sealed interface AuthMethod {

    /**
     * The id the client sends back in {@code authenticate}; unique among the advertised methods.
     *
     * @return the method id
     */
    String id();

    /**
     * The name shown to the user.
     *
     * @return the display name
     */
    String name();

    /**
     * Optional longer text shown to the user.
     *
     * @return the description, or null
     */
    String description();

    /**
     * A method the agent runs itself (written without {@code type}).
     *
     * @param id the method id
     * @param name the display name
     * @param description the description, or null
     * @return the method
     */
    static AuthMethod agent(String id, String name, String description) {
        return new Agent(id, name, description, null);
    }

    /**
     * An {@code env_var} method, without description or link.
     *
     * @param id the method id
     * @param name the display name
     * @param vars the variables the client asks the user for
     * @param requiresRestart whether the agent reads the variables only at launch, so the client must restart it
     * @return the method
     */
    static EnvVar envVar(String id, String name, List<AuthEnvVar> vars, boolean requiresRestart) {
        return new EnvVar(id, name, null, vars, null, requiresRestart, null);
    }

    /**
     * A {@code start_param} method, without description or link.
     *
     * @param id the method id
     * @param name the display name
     * @param params the command-line parameters the client asks the user for
     * @param requiresRestart whether the agent reads the parameters only at launch, so the client must restart it
     * @return the method
     */
    static StartParam startParam(String id, String name, List<AuthStartParam> params, boolean requiresRestart) {
        return new StartParam(id, name, null, params, null, requiresRestart, null);
    }

    /**
     * The agent runs the flow itself (OAuth, API-key page, ...); written without {@code type}.
     *
     * @param id the id {@code authenticate} names
     * @param name shown to the user
     * @param description longer text for the user, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Agent(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") String description,
            @JsonProperty("_meta") Map<String, Object> meta) implements AuthMethod {
    }

    /**
     * The client runs the agent's own command with {@code args} appended in a terminal for the user to log in.
     *
     * @param id the id {@code authenticate} names
     * @param name shown to the user
     * @param description longer text for the user, or null
     * @param args appended to the agent's own command for the login
     * @param env environment variables for the login, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Terminal(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") String description,
            @JsonProperty("args") List<String> args,
            @JsonProperty("env") Map<String, String> env,
            @JsonProperty("_meta") Map<String, Object> meta) implements AuthMethod {
        /**
         * Always {@code terminal}.
         *
         * @return the {@code type} discriminator
         */
        @JsonProperty("type")
        public String type() {
            return "terminal";
        }
    }

    /**
     * The user provides values the client passes to the agent as environment variables.
     * {@code requiresRestart} is never null, so it is always written; a descriptor without it reads as false.
     *
     * @param id the id {@code authenticate} names
     * @param name shown to the user
     * @param description longer text for the user, or null
     * @param vars the variables the client asks the user for
     * @param link where the user gets the values, or null
     * @param requiresRestart whether the client must restart the agent with the values (never null)
     * @param meta extension data ({@code _meta}), or null
     */
    record EnvVar(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") String description,
            @JsonProperty(value = "vars", required = true) List<AuthEnvVar> vars,
            @JsonProperty("link") String link,
            @JsonProperty("requiresRestart") Boolean requiresRestart,
            @JsonProperty("_meta") Map<String, Object> meta) implements AuthMethod {
        /**
         * Normalises a null {@code requiresRestart} to false.
         *
         * @param id the method id
         * @param name the display name
         * @param description the description, or null
         * @param vars the variables the client asks the user for
         * @param link where the user can get the values, or null
         * @param requiresRestart whether the client must restart the agent after setting the variables (null means false)
         * @param meta the {@code _meta} extension data, or null
         */
        public EnvVar {
            requiresRestart = requiresRestart != null && requiresRestart;
        }

        /**
         * Always {@code env_var}.
         *
         * @return the {@code type} discriminator
         */
        @JsonProperty("type")
        public String type() {
            return "env_var";
        }
    }

    /**
     * The user provides values the client passes to the agent as command-line parameters.
     * {@code requiresRestart} is never null, so it is always written; a descriptor without it reads as false.
     *
     * @param id the id {@code authenticate} names
     * @param name shown to the user
     * @param description longer text for the user, or null
     * @param params the command-line parameters the client asks the user for
     * @param link where the user gets the values, or null
     * @param requiresRestart whether the client must restart the agent with the parameters (never null)
     * @param meta extension data ({@code _meta}), or null
     */
    record StartParam(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") String description,
            @JsonProperty(value = "params", required = true) List<AuthStartParam> params,
            @JsonProperty("link") String link,
            @JsonProperty("requiresRestart") Boolean requiresRestart,
            @JsonProperty("_meta") Map<String, Object> meta) implements AuthMethod {
        /**
         * Normalises a null {@code requiresRestart} to false.
         *
         * @param id the method id
         * @param name the display name
         * @param description the description, or null
         * @param params the command-line parameters the client asks the user for
         * @param link where the user can get the values, or null
         * @param requiresRestart whether the client must restart the agent with the parameters (null means false)
         * @param meta the {@code _meta} extension data, or null
         */
        public StartParam {
            requiresRestart = requiresRestart != null && requiresRestart;
        }

        /**
         * Always {@code start_param}.
         *
         * @return the {@code type} discriminator
         */
        @JsonProperty("type")
        public String type() {
            return "start_param";
        }
    }
}
