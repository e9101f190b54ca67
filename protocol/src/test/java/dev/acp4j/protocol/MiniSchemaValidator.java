package dev.acp4j.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A minimal structural JSON Schema check, enough to compare our output with the ACP schema's {@code $defs}:
 * {@code $ref}, {@code type}, {@code const}, {@code enum}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}, and
 * unknown property names (a property is known when the schema, or a composition branch that matched, declares
 * it, as with {@code unevaluatedProperties: false}). Formats and numeric bounds are not checked.
 */
public final class MiniSchemaValidator {

    private final JsonNode root;

    public MiniSchemaValidator(JsonNode root) {
        this.root = root;
    }

    public JsonNode def(String name) {
        JsonNode def = root.path("$defs").path(name);
        if (def.isMissingNode()) {
            throw new IllegalArgumentException("no $defs entry " + name);
        }
        return def;
    }

    /** The problems found validating {@code instance} against {@code $defs/defName}; empty when it conforms. */
    public List<String> validate(JsonNode instance, String defName) {
        List<String> errors = new ArrayList<>();
        checkValue(instance, def(defName), "$", errors);
        return errors;
    }

    /** A value boundary: after validation, object properties nothing evaluated are unknown. */
    private void checkValue(JsonNode instance, JsonNode schema, String path, List<String> errors) {
        Evaluated evaluated = check(instance, schema, path, errors);
        if (instance.isObject() && !evaluated.open) {
            for (Iterator<String> names = instance.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!evaluated.names.contains(name)) {
                    errors.add(path + ": unknown property '" + name + "'");
                }
            }
        }
    }

    private Evaluated check(JsonNode instance, JsonNode schema, String path, List<String> errors) {
        Evaluated evaluated = new Evaluated();
        if (schema.has("$ref")) {
            evaluated.add(check(instance, resolve(schema.get("$ref").asText()), path, errors));
        }
        if (!describesAnything(schema)) {
            evaluated.open = true;
            return evaluated;
        }
        if (schema.has("type") && !typeMatches(instance, schema.get("type"))) {
            errors.add(path + ": expected type " + schema.get("type") + " but was " + instance.getNodeType());
            return evaluated;
        }
        if (schema.has("const") && !schema.get("const").equals(instance)) {
            errors.add(path + ": expected const " + schema.get("const") + " but was " + instance);
        }
        if (schema.has("enum") && !contains(schema.get("enum"), instance)) {
            errors.add(path + ": " + instance + " not in enum " + schema.get("enum"));
        }
        if (instance.isObject()) {
            checkObject(instance, schema, path, errors, evaluated);
        }
        if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                checkValue(instance.get(i), schema.get("items"), path + "[" + i + "]", errors);
            }
        }
        for (JsonNode branch : schema.path("allOf")) {
            evaluated.add(check(instance, branch, path, errors));
        }
        if (schema.has("anyOf")) {
            checkBranches(instance, schema.get("anyOf"), path, errors, evaluated, false);
        }
        if (schema.has("oneOf")) {
            checkBranches(instance, schema.get("oneOf"), path, errors, evaluated, true);
        }
        if (schema.has("not")) {
            List<String> notErrors = new ArrayList<>();
            check(instance, schema.get("not"), path, notErrors);
            if (notErrors.isEmpty()) {
                errors.add(path + ": matches a schema it must not match");
            }
        }
        return evaluated;
    }

    private void checkObject(JsonNode instance, JsonNode schema, String path, List<String> errors,
            Evaluated evaluated) {
        JsonNode properties = schema.path("properties");
        for (Iterator<String> names = instance.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (properties.has(name)) {
                evaluated.names.add(name);
                checkValue(instance.get(name), properties.get(name), path + "." + name, errors);
            } else if (schema.path("additionalProperties").isObject()) {
                checkValue(instance.get(name), schema.get("additionalProperties"), path + "." + name, errors);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!instance.has(required.asText())) {
                errors.add(path + ": missing required property '" + required.asText() + "'");
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        boolean additionalAllowed = additional.isObject() || additional.asBoolean(false);
        if (additionalAllowed || schema.path("unevaluatedProperties").asBoolean(false)) {
            evaluated.open = true;
        }
    }

    private void checkBranches(JsonNode instance, JsonNode branches, String path, List<String> errors,
            Evaluated evaluated, boolean exactlyOne) {
        int matches = 0;
        List<String> closest = null;
        for (JsonNode branch : branches) {
            List<String> branchErrors = new ArrayList<>();
            Evaluated branchEvaluated = check(instance, branch, path, branchErrors);
            if (branchErrors.isEmpty()) {
                matches++;
                evaluated.add(branchEvaluated);
            } else if (closest == null || rank(path, branchErrors) < rank(path, closest)) {
                closest = branchErrors;
            }
        }
        if (matches == 0) {
            errors.add(path + ": matches no branch; closest: " + closest);
            evaluated.open = true;
        } else if (exactlyOne && matches > 1) {
            errors.add(path + ": matches " + matches + " oneOf branches");
        }
    }

    /**
     * Orders failed branches for the report: a branch whose discriminator ({@code const} property) differs is
     * the wrong branch; so, less surely, is one failing at this very path (a missing property, a wrong type)
     * rather than only deeper down; then fewer errors is closer.
     */
    private static int rank(String path, List<String> errors) {
        boolean wrongDiscriminator = errors.stream().anyMatch(e -> {
            String at = e.substring(0, e.indexOf(':'));
            return at.startsWith(path + ".") && at.indexOf('.', path.length() + 1) < 0 && at.indexOf('[',
                    path.length()) < 0 && e.contains("expected const");
        });
        long atPath = errors.stream().filter(e -> e.startsWith(path + ":")).count();
        return (wrongDiscriminator ? 1_000_000 : 0) + (int) atPath * 1_000 + errors.size();
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/$defs/")) {
            throw new IllegalArgumentException("unsupported $ref " + ref);
        }
        return def(ref.substring("#/$defs/".length()));
    }

    private static boolean describesAnything(JsonNode schema) {
        for (String keyword : List.of("$ref", "type", "const", "enum", "properties", "required", "items", "allOf",
                "anyOf", "oneOf", "not", "additionalProperties")) {
            if (schema.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(JsonNode instance, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(instance, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isTextual();
            case "integer" -> instance.isIntegralNumber();
            case "number" -> instance.isNumber();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Property names some (matched) part of the schema declared; {@code open} when any name is allowed. */
    private static final class Evaluated {
        final Set<String> names = new HashSet<>();
        boolean open;

        void add(Evaluated other) {
            names.addAll(other.names);
            open |= other.open;
        }
    }
}
