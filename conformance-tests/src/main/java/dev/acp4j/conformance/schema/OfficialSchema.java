package dev.acp4j.conformance.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.acp4j.conformance.driver.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The official ACP v1 JSON Schema, read from disk, validating a message part against one of its $defs. */
public final class OfficialSchema {

    /** Where the schema is looked for, relative to the working directory and each of its parents. */
    public static final String DEFAULT_RELATIVE = "../shared/acp-schema/v1/schema.json";

    private final Path path;
    private final ObjectNode root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> byDefinition = new ConcurrentHashMap<>();

    private OfficialSchema(Path path, ObjectNode root) {
        this.path = path;
        this.root = root;
    }

    public static OfficialSchema load(Path path) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readString(path));
        if (root == null || !root.isObject() || !root.path("$defs").isObject()) {
            throw new IOException(path + " is not the ACP JSON Schema (no $defs)");
        }
        return new OfficialSchema(path, (ObjectNode) root);
    }

    /** The system property naming the schema file; when set, it is the only place looked at. */
    public static final String PROPERTY = "acp4j.officialSchema";

    /**
     * The file {@link #PROPERTY} names when it is set (empty when it does not exist); else the
     * first {@link #DEFAULT_RELATIVE} found from {@code start} upwards.
     */
    public static Optional<Path> discover(Path start) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured).toAbsolutePath().normalize();
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
        return walkUp(start);
    }

    /** The first {@link #DEFAULT_RELATIVE} found from {@code start} upwards. */
    public static Optional<Path> walkUp(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_RELATIVE).normalize();
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public Path path() {
        return path;
    }

    public boolean defines(String definition) {
        return root.path("$defs").has(definition);
    }

    /**
     * The definition for a method's message: {@code side} is the schema's x-side ("agent" for
     * what agents implement, "client" for what clients implement), {@code suffix} one of
     * Request, Response, Notification.
     */
    public Optional<String> definitionFor(String side, String method, String suffix) {
        return root.path("$defs").properties().stream()
                .filter(def -> def.getKey().endsWith(suffix))
                .filter(def -> side.equals(def.getValue().path("x-side").asText()))
                .filter(def -> method.equals(def.getValue().path("x-method").asText()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Validation messages for {@code instance} against {@code $defs/definition}; empty when valid. */
    public List<String> validate(String definition, JsonNode instance) {
        if (!defines(definition)) {
            return List.of("the schema has no $defs/" + definition);
        }
        Schema schema = byDefinition.computeIfAbsent(definition, this::compile);
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    private Schema compile(String definition) {
        ObjectNode wrapper = Json.object();
        wrapper.put("$schema", root.path("$schema").asText("https://json-schema.org/draft/2020-12/schema"));
        wrapper.set("$defs", root.get("$defs"));
        wrapper.put("$ref", "#/$defs/" + definition);
        return registry.getSchema(wrapper);
    }
}
