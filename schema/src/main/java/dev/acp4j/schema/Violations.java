package dev.acp4j.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.List;

/** Runs a schema and renders each failure as one line: {@code <JSON path>: <what is wrong>}. */
final class Violations {

    private Violations() {
    }

    /**
     * Validates {@code instance} against {@code schema}; reported paths are rebased so that the
     * instance's root ({@code $}) reads as {@code basePath} (e.g. {@code $.params}).
     */
    static List<String> of(Schema schema, JsonNode instance, String basePath) {
        return schema.validate(instance).stream()
                .map(error -> line(basePath, error))
                .distinct()
                .toList();
    }

    static String line(String path, String message) {
        return path + ": " + message.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String line(String basePath, Error error) {
        String location = error.getInstanceLocation().toString(); // a JSON path: "$" or "$.a[0].b"
        return line(basePath + location.substring(1), error.getMessage());
    }
}
