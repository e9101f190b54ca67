package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A UI hint for what a session config option controls; values beyond the named ones are allowed. */
public record SessionConfigOptionCategory(@JsonValue String value) {

    public static final SessionConfigOptionCategory MODE = new SessionConfigOptionCategory("mode");
    public static final SessionConfigOptionCategory MODEL = new SessionConfigOptionCategory("model");
    public static final SessionConfigOptionCategory MODEL_CONFIG = new SessionConfigOptionCategory("model_config");
    public static final SessionConfigOptionCategory THOUGHT_LEVEL = new SessionConfigOptionCategory("thought_level");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SessionConfigOptionCategory {
        Objects.requireNonNull(value, "value");
    }
}
