package dev.acp4j.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundled acp4j wire schema ({@code acp4j.schema.json}), ready to validate messages, the
 * params of a method and the result of a method. Thread-safe; load it once with
 * {@link #bundled()}. Every method returns the violations found, one readable line each
 * ({@code <JSON path>: <what is wrong>}); an empty list means valid.
 */
public final class WireSchema {

    /** The {@code $id} of the bundled schema. */
    public static final String ID = "https://acp4j.dev/schema/acp4j.schema.json";

    private static final String RESOURCE = "acp4j.schema.json";

    private final SchemaDocument document;

    private WireSchema(String schemaText) {
        this.document = new SchemaDocument(ID, schemaText);
    }

    /** The schema bundled in this jar, loaded on first use. */
    public static WireSchema bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * A whole JSON-RPC message: the envelope, and for a request or notification of a known
     * ACP method also its params (and that a request has an id and a notification none).
     * Extension methods ({@code _...}) are checked for the envelope only; any other unknown
     * method is a violation.
     */
    public List<String> validateMessage(JsonNode message) {
        List<String> violations = new ArrayList<>(document.validate(message, "$"));
        JsonNode method = message.path("method");
        if (!method.isTextual()) {
            return violations;
        }
        resolve(method.asText(), "$.method", violations).ifPresent(acpMethod -> {
            boolean hasId = message.has("id");
            if (acpMethod.isNotification() && hasId) {
                violations.add(Violations.line("$.id", "'" + acpMethod.wireName()
                        + "' is a notification and carries no id"));
            }
            if (!acpMethod.isNotification() && !hasId) {
                violations.add(Violations.line("$", "'" + acpMethod.wireName()
                        + "' is a request and needs an id"));
            }
            violations.addAll(validateParams(acpMethod, message.get("params"), "$.params"));
        });
        return violations;
    }

    /**
     * A whole response to a {@code method} request: the envelope, and for a success response
     * also its {@code result} as that method's result type.
     */
    public List<String> validateResponse(String method, JsonNode response) {
        List<String> violations = new ArrayList<>(document.validate(response, "$"));
        if (response.has("result") && !response.has("error")) {
            resolve(method, "$", violations).ifPresent(acpMethod ->
                    violations.addAll(validateResult(acpMethod, response.get("result"), "$.result")));
        }
        return violations;
    }

    /** The params of {@code method}; {@code null} stands for absent params. */
    public List<String> validateParams(String method, JsonNode params) {
        List<String> violations = new ArrayList<>();
        resolve(method, "$", violations)
                .ifPresent(acpMethod -> violations.addAll(validateParams(acpMethod, params, "$")));
        return violations;
    }

    /** The result of a successful response to a {@code method} request. */
    public List<String> validateResult(String method, JsonNode result) {
        List<String> violations = new ArrayList<>();
        resolve(method, "$", violations)
                .ifPresent(acpMethod -> violations.addAll(validateResult(acpMethod, result, "$")));
        return violations;
    }

    /** Any named type of the schema ({@code $defs}), e.g. {@code "AuthMethod"}. */
    public List<String> validateType(String typeName, JsonNode instance) {
        return document.validateType(typeName, instance, "$");
    }

    /** Whether the schema defines the named type. */
    public boolean definesType(String typeName) {
        return document.definesType(typeName);
    }

    private List<String> validateParams(AcpMethod method, JsonNode params, String path) {
        JsonNode actual = params == null || params.isMissingNode() ? JsonNodeFactory.instance.objectNode() : params;
        return document.validateType(method.paramsType(), actual, path);
    }

    private List<String> validateResult(AcpMethod method, JsonNode result, String path) {
        Optional<String> resultType = method.resultType();
        if (resultType.isEmpty()) {
            return List.of(Violations.line(path, "'" + method.wireName() + "' is a notification and has no result"));
        }
        return document.validateType(resultType.get(), result, path);
    }

    /** The ACP method named {@code method}; empty for an extension method or (with a violation) an unknown one. */
    private static Optional<AcpMethod> resolve(String method, String path, List<String> violations) {
        Optional<AcpMethod> known = AcpMethod.fromWireName(method);
        if (known.isEmpty() && !AcpMethod.isExtension(method)) {
            violations.add(Violations.line(path, "unknown ACP method '" + method
                    + "' (extension methods must start with '_')"));
        }
        return known;
    }

    private static String readBundledText() {
        try (InputStream in = WireSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static final class Bundled {
        static final WireSchema INSTANCE = new WireSchema(readBundledText());
    }
}
