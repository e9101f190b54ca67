package dev.acp4j.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One line of the hostile corpus and the answer it must get: an error with a code (and the
 * id it must echo), a result, nothing at all (notifications, responses, blank lines), or a
 * batch answer.
 */
record HostileInput(String category, String name, byte[] line, Expected expected) {

    static HostileInput of(String category, String name, String line, Expected expected) {
        return new HostileInput(category, name, line.getBytes(StandardCharsets.UTF_8), expected);
    }

    @Override
    public String toString() {
        return category + ": " + name;
    }

    /** What the agent must write in answer to one line. */
    sealed interface Expected {

        /** An error object; {@code mentions}, when not null, must appear in its message. */
        record Error(int code, JsonNode id, String mentions) implements Expected {
        }

        record Result(JsonNode id) implements Expected {
        }

        record Nothing() implements Expected {
        }

        /** One array holding these answers, in any order. */
        record Batch(List<Expected> answers) implements Expected {
        }

        static Expected error(int code, JsonNode id) {
            return new Error(code, id, null);
        }

        static Expected nothing() {
            return new Nothing();
        }

        /** How many answers (lines) the agent writes for it. */
        default int lines() {
            return this instanceof Nothing ? 0 : 1;
        }
    }
}
