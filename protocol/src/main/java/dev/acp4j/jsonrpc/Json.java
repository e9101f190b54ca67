package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The one Jackson configuration used for the wire.
 *
 * <p>Tolerant where the protocol asks for it (unknown fields are ignored, so newer peers
 * can add fields), strict where a silent coercion would hide a client bug: a number is not
 * a string, a string is not a boolean, a required field may not be missing, and nothing may
 * follow the one JSON value of a line. A key that appears twice in one object is read as its
 * last value, at any depth, as {@code JSON.parse} and the reference SDKs read it (the official
 * Java SDK client writes every content block's {@code type} twice). Floats are
 * read as {@link java.math.BigDecimal} so that ids and {@code _meta} values are echoed
 * exactly as they arrived. Absent optional fields are omitted on output, never written as
 * {@code null}.
 */
public final class Json {

    /** Deeper nesting than this is refused while parsing (a stack-safety bound). */
    public static final int MAX_NESTING_DEPTH = 256;

    private Json() {
    }

    /**
     * A field marked {@code required} may be neither missing nor an explicit {@code null},
     * unless it holds raw JSON (a JSON-RPC request id, for one, may be null).
     */
    private static final class RequiredMeansNotNull extends JacksonAnnotationIntrospector {

        @Override
        public JsonSetter.Value findSetterInfo(Annotated annotated) {
            JsonSetter.Value declared = super.findSetterInfo(annotated);
            JsonProperty property = _findAnnotation(annotated, JsonProperty.class);
            Class<?> type = annotated.getRawType();
            boolean rawJson = type == Object.class || JsonNode.class.isAssignableFrom(type);
            return property != null && property.required() && !rawJson ? declared.withValueNulls(Nulls.FAIL) : declared;
        }
    }

    /**
     * A mapper configured as acp4j reads and writes ACP: unknown properties ignored, nulls not written, required properties enforced.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Last value wins for a repeated key, as in every peer: refusing it breaks real clients.
                .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .annotationIntrospector(new RequiredMeansNotNull())
                .build();
        // Absent record fields are omitted, but a null inside a map (e.g. _meta) is data: keep it.
        mapper.configOverride(java.util.Map.class).setInclude(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(numeric)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.POJO)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /**
     * One mapper for the whole process, so that what Jackson learns about the records (its
     * serializer and deserializer caches) is learnt once. Thread-safe; never reconfigure it.
     *
     * @return the shared mapper
     */
    public static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = newMapper();
    }
}
