package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a request's {@code params} to its record type, turning every binding failure into
 * an invalid-params error that names the offending field (never a Java class name or a
 * parser location).
 */
final class ParamsBinder {

    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private final ObjectMapper mapper;
    private final DirectCodec direct;

    ParamsBinder(ObjectMapper mapper, DirectCodec direct) {
        this.mapper = mapper;
        this.direct = direct;
    }

    Object bind(JsonNode params, Class<?> type) {
        JsonNode source = params == null || params.isNull() ? mapper.createObjectNode() : params;
        if (!source.isObject()) {
            throw new JsonRpcException(JsonRpcError.invalidParams("params must be an object"));
        }
        if (type == JsonNode.class) {
            return source;
        }
        Object bound = direct.read(source, type, mapper);
        if (bound != null) {
            return bound;
        }
        try {
            return mapper.treeToValue(source, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new JsonRpcException(JsonRpcError.invalidParams(describe(e)));
        }
    }

    static String describe(Exception e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "cannot be read";
        }
        String path = path(mapping);
        String original = mapping.getOriginalMessage() == null ? "" : mapping.getOriginalMessage();
        Matcher missing = MISSING.matcher(original);
        if (missing.find()) {
            String name = missing.group(1);
            String field = path.isEmpty() || path.equals(name) || path.endsWith("." + name) ? (path.isEmpty() ? name : path)
                    : path + "." + name;
            return "missing required field '" + field + "'";
        }
        String where = path.isEmpty() ? "params" : "field '" + path + "'";
        if (mapping instanceof InvalidTypeIdException typeId) {
            return where + " has an unknown type '" + EchoedText.of(typeId.getTypeId()) + "'";
        }
        if (mapping instanceof InvalidNullException) {
            return where + " must not be null";
        }
        if (mapping instanceof ValueInstantiationException && mapping.getCause() != null
                && mapping.getCause().getMessage() != null) {
            return where + ": " + mapping.getCause().getMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + " must be " + expected(mismatch.getTargetType());
        }
        return where + " is invalid";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(EchoedText.of(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of the allowed values" : "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
