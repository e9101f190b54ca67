package dev.acp4j.schema;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import java.util.Map;

/**
 * Builds the JSON Schema 2020-12 registries both validators use: JSON paths, formats asserted,
 * unknown keywords (the official schema's {@code x-...} hints) kept as quiet annotations.
 */
final class Registries {

    /** The keyword our schema uses for a human message on a keyword's failure. */
    static final String ERROR_MESSAGE_KEYWORD = "errorMessage";

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_PATH)
            .formatAssertionsEnabled(true)
            .errorMessageKeyword(ERROR_MESSAGE_KEYWORD)
            .build();

    private static final Dialect DRAFT_2020_12 = Dialect.builder(Dialects.getDraft202012())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();

    private Registries() {
    }

    /** A registry that knows exactly the given schema documents (by id) and fetches nothing remote. */
    static SchemaRegistry of(Map<String, String> documentsById) {
        return SchemaRegistry.withDefaultDialect(DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(CONFIG)
                .schemas(documentsById));
    }
}
