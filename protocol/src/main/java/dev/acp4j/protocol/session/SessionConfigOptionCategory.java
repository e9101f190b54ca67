package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A UI hint for what a session config option controls; values beyond the named ones are allowed.
 *
 * @param value the category name, e.g. {@code model}
 */
public record SessionConfigOptionCategory(@JsonValue String value) {

    /** The option picks the session mode. */
    public static final SessionConfigOptionCategory MODE = new SessionConfigOptionCategory("mode");
    /** The option picks the model. */
    public static final SessionConfigOptionCategory MODEL = new SessionConfigOptionCategory("model");
    /** The option tunes the model, e.g. its temperature. */
    public static final SessionConfigOptionCategory MODEL_CONFIG = new SessionConfigOptionCategory("model_config");
    /** The option sets how much the model thinks. */
    public static final SessionConfigOptionCategory THOUGHT_LEVEL = new SessionConfigOptionCategory("thought_level");

    /**
     * Any category, as written on the wire.
     *
     * @param value the category name
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SessionConfigOptionCategory {
        Objects.requireNonNull(value, "value");
    }
}
