package dev.acp4j.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test inputs: JSON from text, and the catalogue of valid sample messages. */
final class Samples {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A valid message of the catalogue. {@code answers} names the method a response answers
     * (null for requests and notifications); {@code extension} marks a message that uses an
     * acp4j extension.
     */
    record Sample(String name, String answers, boolean extension, JsonNode message) {

        /** The ACP method the sample calls or answers; empty for an extension method or a bare error. */
        Optional<AcpMethod> method() {
            String name = answers != null ? answers : message.path("method").asText("");
            return AcpMethod.fromWireName(name);
        }

        /** The sample's violations per our schema: as a message, or as a response to its method. */
        List<String> violationsPer(WireSchema schema) {
            return answers == null ? schema.validateMessage(message) : schema.validateResponse(answers, message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Samples() {
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Sample> validMessages() {
        try (InputStream in = Samples.class.getResourceAsStream("valid-messages.json")) {
            List<Sample> samples = new ArrayList<>();
            for (JsonNode entry : MAPPER.readTree(in)) {
                samples.add(new Sample(entry.get("name").asText(), entry.path("answers").asText(null),
                        entry.get("extension").asBoolean(), entry.get("message")));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
