package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads plain JSON into the same tree as {@link Json#shared()}'s {@code readTree}, with
 * jackson-core alone: a launch's first line and its configuration are then read before the
 * mapper exists (creating it costs more than anything else before the first answer). Plain
 * means: no floats and no integer beyond a {@code long} (their node types depend on mapper
 * features), no key repeated in one object, nothing after the value; for anything else, and
 * for invalid JSON, it answers null and the mapper reads the bytes (and reports any problem).
 */
public final class TreeReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_NESTING_DEPTH).build())
            .build();

    private TreeReader() {
    }

    /** {@return a JSON factory configured as the shared mapper's, for generators that need no mapper} */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /**
     * The tree of {@code bytes[offset, offset + length)}, read with jackson-core alone.
     *
     * @param bytes the JSON text, UTF-8
     * @param offset where it starts
     * @param length how many bytes it has
     * @return the tree, or null when the mapper must read them
     */
    public static JsonNode read(byte[] bytes, int offset, int length) {
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = value(p, first);
            return root == null || p.nextToken() != null ? null : root;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonNode value = value(p, p.nextToken());
                    if (value == null || object.has(name)) {
                        return null;
                    }
                    object.set(name, value);
                }
                return next == JsonToken.END_OBJECT ? object : null;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    JsonNode value = next == null ? null : value(p, next);
                    if (value == null) {
                        return null;
                    }
                    array.add(value);
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return nodes.numberNode(p.getIntValue());
                    case LONG:
                        return nodes.numberNode(p.getLongValue());
                    default:
                        return null;
                }
            default:
                return null;
        }
    }
}
