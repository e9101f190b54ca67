package dev.acp4j.schema;

import static dev.acp4j.schema.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our schema against the official ACP v1 schema (skipped, and counted in the build output, where it is absent). */
class OfficialSchemaTest {

    private static final Optional<Path> OFFICIAL = OfficialSchema.locate();
    private static final String NOT_FOUND = "the " + SkippedSchemaChecksReport.REASON + " was not found (-D"
            + OfficialSchema.PROPERTY + ")";

    static Stream<Samples.Sample> samplesWithoutExtensions() {
        return Samples.validMessages().stream().filter(sample -> !sample.extension());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithoutExtensions")
    void whatIsValidPerOursAndUsesNoExtensionIsValidPerTheOfficialSchema(Samples.Sample sample) {
        assumeTrue(OFFICIAL.isPresent(), NOT_FOUND);
        assertThat(sample.violationsPer(WireSchema.bundled())).isEmpty();

        OfficialSchema official = OfficialSchema.load(OFFICIAL.get());
        assertThat(official.validateMessage(sample.message())).isEmpty();
        sample.method().ifPresent(method -> {
            JsonNode message = sample.message();
            if (message.has("params")) {
                assertThat(official.validateType(method.paramsType(), message.get("params"))).isEmpty();
            }
            if (message.has("result")) {
                assertThat(official.validateType(method.resultType().orElseThrow(), message.get("result"))).isEmpty();
            }
        });
    }

    static Stream<Samples.Sample> initializeResponsesWithAuthExtensions() {
        return Samples.validMessages().stream()
                .filter(sample -> sample.extension() && "initialize".equals(sample.answers()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializeResponsesWithAuthExtensions")
    void typedAuthMethodsStayReadableByStableV1Clients(Samples.Sample sample) {
        assumeTrue(OFFICIAL.isPresent(), NOT_FOUND);
        OfficialSchema official = OfficialSchema.load(OFFICIAL.get());

        assertThat(official.validateType("InitializeResponse", sample.message().get("result"))).isEmpty();
        sample.message().at("/result/authMethods").forEach(authMethod ->
                assertThat(official.validateType("AuthMethod", authMethod)).isEmpty());
    }

    @Test
    void ourParamsAndResultTypesCarryTheOfficialNames() {
        assumeTrue(OFFICIAL.isPresent(), NOT_FOUND);
        OfficialSchema official = OfficialSchema.load(OFFICIAL.get());

        for (AcpMethod method : AcpMethod.values()) {
            assertThat(official.definesType(method.paramsType())).as(method.paramsType()).isTrue();
            method.resultType().ifPresent(type -> assertThat(official.definesType(type)).as(type).isTrue());
        }
    }

    @Test
    void theOfficialSchemaRejectsABrokenEnvelope() {
        assumeTrue(OFFICIAL.isPresent(), NOT_FOUND);

        assertThat(OfficialSchema.load(OFFICIAL.get())
                .validateMessage(json("{\"jsonrpc\":\"2.0\",\"id\":{\"n\":1},\"result\":{}}")))
                .contains("$.id: object found, string expected");
    }

    @Test
    void ourMethodsAreExactlyThoseOfTheOfficialMetaFile() throws IOException {
        assumeTrue(OFFICIAL.isPresent(), NOT_FOUND);
        JsonNode meta = json(Files.readString(OFFICIAL.get().resolveSibling("meta.json")));
        Set<String> official = new HashSet<>();
        for (String group : new String[] {"agentMethods", "clientMethods", "protocolMethods"}) {
            meta.get(group).forEach(method -> official.add(method.asText()));
        }

        assertThat(Arrays.stream(AcpMethod.values()).map(AcpMethod::wireName)).containsExactlyInAnyOrderElementsOf(official);
        meta.get("agentMethods").forEach(method ->
                assertThat(AcpMethod.fromWireName(method.asText())).get().extracting(AcpMethod::receiver)
                        .isEqualTo(AcpMethod.Receiver.AGENT));
        meta.get("clientMethods").forEach(method ->
                assertThat(AcpMethod.fromWireName(method.asText())).get().extracting(AcpMethod::receiver)
                        .isEqualTo(AcpMethod.Receiver.CLIENT));
    }

    @Test
    void locateWalksUpToTheSharedDirectoryBesideTheCheckout(@TempDir Path root) throws IOException {
        Path module = Files.createDirectories(root.resolve("checkout/schema"));
        assertThat(OfficialSchema.locate(module)).isEmpty();

        Path schema = root.resolve(OfficialSchema.SHARED_SCHEMA);
        Files.createDirectories(schema.getParent());
        Files.writeString(schema, "{}");

        assertThat(OfficialSchema.locate(module)).contains(schema);
    }
}
