package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _meta} values read and written by hand when they hold only strings, booleans, ints,
 * objects and arrays without nulls (what Zed sends in {@code clientCapabilities._meta} and what
 * acp4j writes in a terminal method's {@code _meta}), exactly as databind reads and writes them:
 * such an {@code initialize} then does not wait for databind's untyped (de)serializers to be
 * built. Anything else is left to the mapper.
 */
final class UntypedValues {

    private UntypedValues() {
    }

    /** The object as databind's untyped map, or null when the mapper must read it. */
    static Map<String, Object> read(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            Object value = value(field.getValue());
            if (value == null) {
                return null;
            }
            map.put(field.getKey(), value);
        }
        return map;
    }

    private static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isObject()) {
            return read(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                Object value = value(element);
                if (value == null) {
                    return null;
                }
                list.add(value);
            }
            return list;
        }
        return null;
    }

    /** Writes {@code value} and returns true, or writes nothing and returns false when the mapper must. */
    static boolean write(JsonGenerator g, Object value) throws IOException {
        if (!plain(value)) {
            return false;
        }
        writePlain(g, value);
        return true;
    }

    private static boolean plain(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !plain(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!plain(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void writePlain(JsonGenerator g, Object value) throws IOException {
        if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Boolean bool) {
            g.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            g.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                g.writeFieldName((String) entry.getKey());
                writePlain(g, entry.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object element : (List<?>) value) {
                writePlain(g, element);
            }
            g.writeEndArray();
        }
    }
}
