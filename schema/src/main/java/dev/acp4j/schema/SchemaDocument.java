package dev.acp4j.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One JSON Schema 2020-12 document, compiled: its root and its named types ({@code $defs}),
 * each compiled once on first use. Formats are asserted (a {@code uri} must be one); unknown
 * keywords (such as the official schema's {@code x-...} hints) are quiet annotations;
 * nothing is fetched from the network. Thread-safe.
 */
final class SchemaDocument {

    /** The keyword our schema uses for a human message on a keyword's failure. */
    private static final String ERROR_MESSAGE_KEYWORD = "errorMessage";

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_PATH)
            .formatAssertionsEnabled(true)
            .errorMessageKeyword(ERROR_MESSAGE_KEYWORD)
            .preloadSchema(false)
            .build();

    private static final Dialect DRAFT_2020_12 = Dialect.builder(Dialects.getDraft202012())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();

    private final String id;
    private final SchemaRegistry registry;
    private final Schema root;
    private final ConcurrentMap<String, Schema> types = new ConcurrentHashMap<>();

    /** Compiles {@code text}, known under {@code id} (its {@code $id}, or where it was read from). */
    SchemaDocument(String id, String text) {
        this.id = id;
        this.registry = SchemaRegistry.withDefaultDialect(DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(CONFIG)
                .schemas(Map.of(id, text)));
        this.root = registry.getSchema(SchemaLocation.of(id));
    }

    /** Violations of {@code instance} against the root schema, paths rebased onto {@code basePath}. */
    List<String> validate(JsonNode instance, String basePath) {
        return Violations.of(root, instance, basePath);
    }

    /** Violations of {@code instance} against the named type, paths rebased onto {@code basePath}. */
    List<String> validateType(String typeName, JsonNode instance, String basePath) {
        if (!definesType(typeName)) {
            throw new IllegalArgumentException(id + " defines no type '" + typeName + "'");
        }
        Schema type = types.computeIfAbsent(typeName,
                name -> registry.getSchema(SchemaLocation.of(id + "#/$defs/" + name)));
        return Violations.of(type, instance, basePath);
    }

    boolean definesType(String typeName) {
        return root.getSchemaNode().path("$defs").has(typeName);
    }
}
