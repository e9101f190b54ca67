package dev.acp4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acp4j.protocol.ConformanceSamples.Sample;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks our records' JSON against the official ACP v1 schema in {@code ../shared}; skipped when it is absent. */
class SchemaConformanceTest {

    private static final Set<String> OPEN_MAPS = Set.of("_meta", "rawInput", "rawOutput", "env", "properties");

    private static JsonNode schema;
    private static JsonNode meta;
    private static MiniSchemaValidator validator;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path dir = findSchemaDir();
        if (dir != null) {
            schema = Wire.MAPPER.readTree(dir.resolve("schema.json").toFile());
            meta = Wire.MAPPER.readTree(dir.resolve("meta.json").toFile());
            validator = new MiniSchemaValidator(schema);
        }
    }

    @BeforeEach
    void requireSchema() {
        Assumptions.assumeTrue(schema != null, "ACP schema not found in a shared/acp-schema/v1 beside the project");
    }

    private static Path findSchemaDir() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/acp-schema/v1");
            if (Files.isRegularFile(candidate.resolve("schema.json")) && Files.isRegularFile(candidate.resolve("meta.json"))) {
                return candidate;
            }
        }
        return null;
    }

    static List<Sample> samples() {
        return ConformanceSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleConformsToItsSchemaDef(Sample sample) {
        JsonNode json = Wire.tree(sample.value());

        assertThat(validator.validate(json, sample.defName())).as("%s as %s", json, sample.defName()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleDefBelongsToItsMethod(Sample sample) {
        assertThat(validator.def(sample.defName()).path("x-method").asText()).isEqualTo(sample.method());
    }

    /** Proves the unknown-property check bites everywhere: a stray property in any nested object is reported. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void strayPropertyAnywhereInASampleIsReported(Sample sample) {
        JsonNode json = Wire.tree(sample.value());
        List<ObjectNode> objects = new ArrayList<>();
        collectClosedObjects(json, objects);
        assertThat(objects).isNotEmpty();
        for (ObjectNode object : objects) {
            object.put("strayProperty", 1);
            assertThat(validator.validate(json, sample.defName())).as("stray property in %s", object)
                    .anyMatch(e -> e.contains("unknown property 'strayProperty'"));
            object.remove("strayProperty");
        }
    }

    /** Objects whose schema lists their properties: not {@code _meta}, raw tool I/O, or string-keyed maps. */
    private static void collectClosedObjects(JsonNode node, List<ObjectNode> out) {
        if (node.isObject()) {
            out.add((ObjectNode) node);
            node.properties().forEach(field -> {
                boolean freeForm = OPEN_MAPS.contains(field.getKey())
                        || field.getKey().equals("content") && field.getValue().isObject() && !field.getValue().has("type");
                if (freeForm) {
                    field.getValue().forEach(value -> collectClosedObjects(value, out));
                } else {
                    collectClosedObjects(field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectClosedObjects(element, out));
        }
    }

    @Test
    void everyMethodHasParamsAndAResultUnlessItIsANotification() {
        List<String> missing = new ArrayList<>();
        for (String method : metaMethods()) {
            Set<String> defs = samples().stream().filter(s -> s.method().equals(method)).map(Sample::defName)
                    .collect(Collectors.toSet());
            boolean hasParams = defs.stream().anyMatch(d -> !d.endsWith("Response"));
            boolean isNotification = defs.stream().anyMatch(d -> d.endsWith("Notification"));
            boolean hasResult = defs.stream().anyMatch(d -> d.endsWith("Response"));
            if (!hasParams || (!isNotification && !hasResult)) {
                missing.add(method + " " + defs);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void acpMethodsNamesExactlyTheMethodsOfMetaJson() throws IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Field field : AcpMethods.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(metaMethods());
    }

    @Test
    void acpErrorCodesCoverTheSchemasErrorCodes() throws IllegalAccessException {
        Set<Integer> constants = new HashSet<>();
        for (Field field : AcpErrorCodes.class.getFields()) {
            constants.add(field.getInt(null));
        }
        Set<Integer> schemaCodes = new HashSet<>();
        for (JsonNode branch : schema.at("/$defs/ErrorCode/anyOf")) {
            if (branch.has("const")) {
                schemaCodes.add(branch.get("const").asInt());
            }
        }
        assertThat(schemaCodes).isNotEmpty();
        assertThat(constants).containsAll(schemaCodes);
    }

    @Test
    void validatorRejectsWhatTheSchemaRejects() {
        assertThat(validator.validate(Wire.parse("{\"sessionId\":\"s\",\"prompt\":[{\"type\":\"text\"}]}"),
                "PromptRequest")).anyMatch(e -> e.contains("text"));
        assertThat(validator.validate(Wire.parse("{\"sessionId\":\"s\",\"prompt\":[],\"extra\":1}"), "PromptRequest"))
                .anyMatch(e -> e.contains("unknown property 'extra'"));
        assertThat(validator.validate(Wire.parse("""
                {"sessionId":"s","update":{"sessionUpdate":"bogus"}}"""), "SessionNotification"))
                .anyMatch(e -> e.contains("matches no branch"));
        assertThat(validator.validate(Wire.parse("{\"stopReason\":\"done\"}"), "PromptResponse")).isNotEmpty();
        assertThat(validator.validate(Wire.parse("{\"sessionId\":1}"), "CancelNotification"))
                .anyMatch(e -> e.contains("expected type"));
    }

    @Test
    void profileAuthExtensionsAreOutsideTheStableSchema() {
        JsonNode envVar = Wire.tree(dev.acp4j.protocol.auth.AuthMethod.envVar("k", "Key",
                List.of(dev.acp4j.protocol.auth.AuthEnvVar.of("KEY", null)), true));
        assertThat(validator.validate(envVar, "AuthMethod")).anyMatch(e -> e.contains("'vars'"));
    }

    private static Set<String> metaMethods() {
        Set<String> methods = new HashSet<>();
        for (String group : List.of("agentMethods", "clientMethods", "protocolMethods")) {
            meta.path(group).forEach(method -> methods.add(method.asText()));
        }
        assertThat(methods).hasSizeGreaterThan(20);
        return methods;
    }
}
