package dev.acp4j.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The official ACP v1 JSON Schema, read from a file the caller names (it is reference material
 * beside the checkout, not bundled). Validates a whole message against the schema's top-level
 * {@code anyOf} (agent, client and protocol-level messages), or a value against one of its
 * types. Thread-safe; {@link #load} caches one instance per file.
 */
public final class OfficialSchema {

    /**
     * The system property naming the official schema file; the build sets it (default
     * {@code ../shared/acp-schema/v1/schema.json} beside the checkout, {@code -Dacp4j.officialSchema=PATH}).
     */
    public static final String PROPERTY = "acp4j.officialSchema";

    /** Where the official schema sits relative to the directory that holds the checkout. */
    public static final Path SHARED_SCHEMA = Path.of("shared", "acp-schema", "v1", "schema.json");

    private static final ConcurrentMap<Path, OfficialSchema> LOADED = new ConcurrentHashMap<>();

    private final SchemaDocument document;

    private OfficialSchema(Path schemaFile, String schemaText) {
        this.document = new SchemaDocument(schemaFile.toUri().toString(), schemaText);
    }

    /** The official schema in {@code schemaFile} (e.g. {@code .../acp-schema/v1/schema.json}). */
    public static OfficialSchema load(Path schemaFile) {
        return LOADED.computeIfAbsent(schemaFile.toAbsolutePath().normalize(), file -> {
            try {
                return new OfficialSchema(file, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the official ACP schema " + file, e);
            }
        });
    }

    /**
     * The file {@link #PROPERTY} names when it is set (empty when that file does not exist); else
     * {@link #SHARED_SCHEMA} found by walking up from the working directory ({@code user.dir}):
     * for a checkout {@code X/} it is {@code X/../shared/acp-schema/v1/schema.json}.
     */
    public static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured).toAbsolutePath().normalize();
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
        return locate(Path.of(System.getProperty("user.dir")));
    }

    /** As {@link #locate()}, walking up from {@code start}. */
    public static Optional<Path> locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SHARED_SCHEMA);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Violations of {@code message} against the official schema; empty when valid. */
    public List<String> validateMessage(JsonNode message) {
        return document.validate(message, "$");
    }

    /**
     * Violations of {@code instance} against one type of the official schema, e.g.
     * {@code "InitializeResponse"} or {@code "AuthMethod"}: stricter than {@link #validateMessage},
     * whose params and results also admit any extension payload.
     */
    public List<String> validateType(String typeName, JsonNode instance) {
        return document.validateType(typeName, instance, "$");
    }

    /** Whether the official schema defines the named type. */
    public boolean definesType(String typeName) {
        return document.definesType(typeName);
    }
}
