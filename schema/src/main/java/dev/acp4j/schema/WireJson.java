package dev.acp4j.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses one wire line: exactly one JSON value. What the agent sent may not name a member twice
 * in one object (strict in what it sends); what it received may, and counts with the last value,
 * as every peer reads it (the official Java SDK client writes each content block's type twice).
 */
final class WireJson {

    private static final ObjectMapper STRICT = mapper(true);
    private static final ObjectMapper LENIENT = mapper(false);

    private WireJson() {
    }

    private static ObjectMapper mapper(boolean refuseDuplicates) {
        return JsonMapper.builder()
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, refuseDuplicates)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** The JSON value of a line that travelled in {@code direction}; throws {@link IllegalArgumentException} ("not JSON: ...") otherwise. */
    static JsonNode parse(String line, Direction direction) {
        return parse(line, direction == Direction.OUT ? STRICT : LENIENT);
    }

    private static JsonNode parse(String line, ObjectMapper mapper) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("not JSON: the line is empty");
        }
        return node;
    }
}
