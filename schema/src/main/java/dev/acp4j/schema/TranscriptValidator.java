package dev.acp4j.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates a session in the order its messages travelled. Besides each message on its own
 * ({@link WireSchema#validateMessage}), it pairs every response with the request it answers
 * (by id, per direction) and validates the response's {@code result} as that method's result
 * type: our answer to {@code initialize} as an {@code InitializeResponse}, the client's answer
 * to our {@code elicitation/create} as a {@code CreateElicitationResponse}. It also flags
 * responses to no pending request, reused pending ids, and methods sent the wrong way.
 *
 * <p>Violations read {@code #<n> <IN|OUT> <JSON path>: <what is wrong>}, where n counts the
 * lines fed (1-based). Not thread-safe: feed it from one thread.
 */
public final class TranscriptValidator {

    private final WireSchema schema;
    /** Requests sent in a direction and not yet answered: id (as JSON text) to method name. */
    private final Map<Direction, Map<String, String>> pending = new EnumMap<>(Direction.class);
    private final List<String> violations = new ArrayList<>();
    private int lineNumber;

    public TranscriptValidator() {
        this(WireSchema.bundled());
    }

    public TranscriptValidator(WireSchema schema) {
        this.schema = schema;
        for (Direction direction : Direction.values()) {
            pending.put(direction, new HashMap<>());
        }
    }

    /** Validates every line of an agent trace file (see {@link TraceLine}). */
    public static List<String> validateTrace(Path traceFile) throws IOException {
        TranscriptValidator validator = new TranscriptValidator();
        for (String line : Files.readAllLines(traceFile, StandardCharsets.UTF_8)) {
            validator.acceptTraceLine(line);
        }
        return validator.violations();
    }

    /** Feeds one line of a trace file. */
    public void acceptTraceLine(String line) {
        TraceLine traceLine;
        try {
            traceLine = TraceLine.parse(line);
        } catch (IllegalArgumentException e) {
            lineNumber++;
            violations.add("#" + lineNumber + " not a trace line: " + e.getMessage());
            return;
        }
        accept(traceLine.direction(), traceLine.message());
    }

    /** Feeds one wire line (a JSON-RPC message as text) that travelled in {@code direction}. */
    public void accept(Direction direction, String line) {
        JsonNode message;
        try {
            message = WireJson.parse(line, direction);
        } catch (IllegalArgumentException e) {
            lineNumber++;
            report(direction, "$", e.getMessage());
            return;
        }
        accept(direction, message);
    }

    /** Feeds one parsed message that travelled in {@code direction}. */
    public void accept(Direction direction, JsonNode message) {
        lineNumber++;
        if (message.path("method").isTextual()) {
            add(direction, schema.validateMessage(message));
            checkCall(direction, message);
        } else if (message.has("id")) {
            checkResponse(direction, message);
        } else {
            add(direction, schema.validateMessage(message));
        }
    }

    /** All violations so far, in the order found. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void checkCall(Direction direction, JsonNode message) {
        String method = message.get("method").asText();
        AcpMethod.fromWireName(method)
                .filter(known -> !known.travels(direction))
                .ifPresent(known -> report(direction, "$.method", "'" + method + "' is handled by the "
                        + known.receiver().name().toLowerCase(Locale.ROOT) + "; it cannot travel "
                        + direction));
        if (!message.has("id")) {
            return;
        }
        String id = message.get("id").toString();
        String previous = pending.get(direction).put(id, method);
        if (previous != null) {
            report(direction, "$.id", "request id " + id + " is still pending for a '" + previous + "' request");
        }
    }

    /** Pairs a response with the request it answers and validates it as that method's response. */
    private void checkResponse(Direction direction, JsonNode response) {
        JsonNode id = response.get("id");
        String method = pending.get(direction.reverse()).remove(id.toString());
        if (method != null) {
            add(direction, schema.validateResponse(method, response));
            return;
        }
        add(direction, schema.validateMessage(response));
        boolean answersUnreadableRequest = id.isNull() && response.has("error");
        if (!answersUnreadableRequest) {
            report(direction, "$.id", "response to unknown request id " + id
                    + " (no pending request travelled " + direction.reverse() + " with this id)");
        }
    }

    private void add(Direction direction, List<String> found) {
        found.forEach(violation -> violations.add(prefix(direction) + violation));
    }

    private void report(Direction direction, String path, String message) {
        add(direction, List.of(Violations.line(path, message)));
    }

    private String prefix(Direction direction) {
        return "#" + lineNumber + " " + direction + " ";
    }
}
