package dev.acp4j.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One line of an agent trace file: {@code {"ts":"<ISO-8601>","dir":"in"|"out","msg":<message>}}.
 *
 * @param timestamp the {@code ts} member as written
 * @param direction {@code in} = client to agent, {@code out} = agent to client
 * @param message   the JSON-RPC message
 */
public record TraceLine(String timestamp, Direction direction, JsonNode message) {

    /**
     * Parses a trace line; throws {@link IllegalArgumentException} saying what is wrong with it.
     * A member named twice in one object is an error in a line the agent sent ({@code out}) and
     * counts with its last value in one it received.
     */
    public static TraceLine parse(String line) {
        JsonNode node = WireJson.parse(line, Direction.IN);
        if (!node.isObject()) {
            throw new IllegalArgumentException("a trace line is a JSON object with ts, dir and msg");
        }
        JsonNode ts = node.path("ts");
        if (!ts.isTextual() || !isIsoDateTime(ts.asText())) {
            throw new IllegalArgumentException("'ts' must be an ISO-8601 date-time string, got " + ts);
        }
        JsonNode dir = node.path("dir");
        if (!dir.isTextual() || !(dir.asText().equals("in") || dir.asText().equals("out"))) {
            throw new IllegalArgumentException("'dir' must be \"in\" or \"out\", got " + dir);
        }
        if (!node.has("msg")) {
            throw new IllegalArgumentException("'msg' is missing");
        }
        Direction direction = Direction.valueOf(dir.asText().toUpperCase(Locale.ROOT));
        if (direction == Direction.OUT) {
            WireJson.parse(line, Direction.OUT);
        }
        return new TraceLine(ts.asText(), direction, node.get("msg"));
    }

    private static boolean isIsoDateTime(String text) {
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
