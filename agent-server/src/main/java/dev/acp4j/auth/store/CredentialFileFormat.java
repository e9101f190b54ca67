package dev.acp4j.auth.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The credential file's JSON form: {@code {"version":1,"credentials":{KEY:{...}}}}.
 *
 * <p>Problems are described by position and field name only: the file holds secrets, so no
 * problem text ever quotes its content.
 */
final class CredentialFileFormat {

    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The readable credentials of a file, and what was wrong with the rest of it. */
    record Decoded(Map<String, StoredCredential> credentials, List<String> problems) {
        static Decoded unreadable(String problem) {
            return new Decoded(Map.of(), List.of(problem));
        }
    }

    private CredentialFileFormat() {
    }

    static byte[] encode(Map<String, StoredCredential> credentials) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ObjectNode entries = root.putObject("credentials");
        new TreeMap<>(credentials).forEach((key, credential) -> entries.set(key, encode(credential)));
        try {
            return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not encode the credential store", e);
        }
    }

    private static ObjectNode encode(StoredCredential credential) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("provider", credential.provider());
        node.put("methodId", credential.methodId());
        node.put("kind", credential.kind().name());
        node.put("secret", credential.secret());
        if (credential.refreshToken() != null) {
            node.put("refreshToken", credential.refreshToken());
        }
        if (credential.expiresAt() != null) {
            node.put("expiresAt", credential.expiresAt().toString());
        }
        node.put("storedAt", credential.storedAt().toString());
        ObjectNode attributes = node.putObject("attributes");
        credential.attributes().forEach(attributes::put);
        return node;
    }

    static Decoded decode(byte[] content) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            return Decoded.unreadable("malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            return Decoded.unreadable("malformed JSON");
        }
        if (root == null || root.isMissingNode()) {
            return Decoded.unreadable("the file is empty");
        }
        if (!root.isObject()) {
            return Decoded.unreadable("the top level is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            return Decoded.unreadable("unsupported or missing \"version\" (this build reads version " + VERSION + ")");
        }
        JsonNode entries = root.get("credentials");
        if (entries == null || !entries.isObject()) {
            return Decoded.unreadable("\"credentials\" is missing or not an object");
        }
        Map<String, StoredCredential> credentials = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, JsonNode> entry : entries.properties()) {
            index++;
            try {
                credentials.put(entry.getKey(), decodeCredential(entry.getValue()));
            } catch (InvalidEntry e) {
                problems.add("credential #" + index + " is invalid: " + e.getMessage());
            }
        }
        return new Decoded(credentials, problems);
    }

    private static StoredCredential decodeCredential(JsonNode node) throws InvalidEntry {
        if (!node.isObject()) {
            throw new InvalidEntry("not an object");
        }
        CredentialKind kind;
        try {
            kind = CredentialKind.valueOf(requiredText(node, "kind"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEntry("unknown \"kind\"");
        }
        Map<String, String> attributes = new TreeMap<>();
        JsonNode attributesNode = node.get("attributes");
        if (attributesNode != null && !attributesNode.isNull()) {
            if (!attributesNode.isObject()) {
                throw new InvalidEntry("\"attributes\" is not an object");
            }
            for (Map.Entry<String, JsonNode> attribute : attributesNode.properties()) {
                if (!attribute.getValue().isTextual()) {
                    throw new InvalidEntry("an attribute value is not a string");
                }
                attributes.put(attribute.getKey(), attribute.getValue().textValue());
            }
        }
        return new StoredCredential(
                requiredText(node, "provider"),
                requiredText(node, "methodId"),
                kind,
                requiredText(node, "secret"),
                optionalText(node, "refreshToken"),
                instant(optionalText(node, "expiresAt"), "expiresAt"),
                instant(requiredText(node, "storedAt"), "storedAt"),
                attributes);
    }

    private static String requiredText(JsonNode node, String field) throws InvalidEntry {
        String value = optionalText(node, field);
        if (value == null) {
            throw new InvalidEntry("\"" + field + "\" is missing");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) throws InvalidEntry {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEntry("\"" + field + "\" is not a string");
        }
        return value.textValue();
    }

    private static Instant instant(String text, String field) throws InvalidEntry {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidEntry("\"" + field + "\" is not an ISO-8601 instant");
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A credential entry that cannot be used; its message never quotes the file. */
    private static final class InvalidEntry extends Exception {
        InvalidEntry(String message) {
            super(message, null, false, false);
        }
    }
}
