package dev.acp4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.Json;
import java.io.UncheckedIOException;

/** Test helpers for reading and writing ACP records with the wire mapper. */
public final class Wire {

    public static final ObjectMapper MAPPER = Json.newMapper();

    private Wire() {
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON tree of a value as it goes on the wire (written, then parsed back). */
    public static JsonNode tree(Object value) {
        return parse(write(value));
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code json} as {@code type}, checks that writing the result gives the same JSON (up to
     * property order) and that reading that again gives an equal value; returns the value.
     */
    public static <T> T assertRoundTrip(String json, Class<T> type) {
        T value = read(json, type);
        assertThat(tree(value)).as("re-serialized %s", type.getSimpleName()).isEqualTo(parse(json));
        assertThat(read(write(value), type)).isEqualTo(value);
        return value;
    }
}
