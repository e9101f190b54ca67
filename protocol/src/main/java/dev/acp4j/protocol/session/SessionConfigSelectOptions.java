package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.List;

/** The values of a select config option: a flat list, or a list of named groups (recognised by {@code group}). */
@JsonDeserialize(using = SessionConfigSelectOptions.Deserializer.class)
public sealed interface SessionConfigSelectOptions {

    /**
     * A flat list of choices.
     *
     * @param options the choices
     * @return the options
     */
    static SessionConfigSelectOptions of(List<SessionConfigSelectOption> options) {
        return new Ungrouped(options);
    }

    /**
     * A flat list of values.
     *
     * @param options the choices
     */
    record Ungrouped(@JsonValue List<SessionConfigSelectOption> options) implements SessionConfigSelectOptions {
    }

    /**
     * Values in named groups.
     *
     * @param groups the groups
     */
    record Grouped(@JsonValue List<SessionConfigSelectGroup> groups) implements SessionConfigSelectOptions {
    }

    /** Reads an array as {@link Grouped} when any element has a {@code group}, else as {@link Ungrouped}. */
    final class Deserializer extends JsonDeserializer<SessionConfigSelectOptions> {
        @Override
        public SessionConfigSelectOptions deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            if (!tree.isArray()) {
                return ctxt.reportInputMismatch(SessionConfigSelectOptions.class,
                        "select options must be an array, got %s", tree.getNodeType());
            }
            boolean grouped = false;
            for (JsonNode element : tree) {
                grouped |= element.has("group");
            }
            var factory = ctxt.getTypeFactory();
            return grouped
                    ? new Grouped(ctxt.readTreeAsValue(tree,
                            factory.constructCollectionType(List.class, SessionConfigSelectGroup.class)))
                    : new Ungrouped(ctxt.readTreeAsValue(tree,
                            factory.constructCollectionType(List.class, SessionConfigSelectOption.class)));
        }
    }
}
