package dev.acp4j.protocol.initialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.Json;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitializeCodecTest {

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void readsEveryRequestVariantAsDatabindDoes() throws Exception {
        int total = RecordFiller.components(InitializeRequest.class);
        assertThat(total).isGreaterThan(20);
        int readByCodec = 0;
        for (int omit = -1; omit < total; omit++) {
            JsonNode params = mapper.valueToTree(RecordFiller.fill(InitializeRequest.class, omit));
            InitializeRequest expected = databindOrNull(params);
            InitializeRequest actual = InitializeCodec.readRequest(params, mapper);
            assertThat(actual).as("variant %d: %s", omit, params).isEqualTo(expected);
            readByCodec += actual == null ? 0 : 1;
        }
        assertThat(readByCodec).as("variants read by the codec itself").isGreaterThan(total - 3);
    }

    @Test
    void readsSmallAndUnusualValidParamsAsDatabindDoes() throws Exception {
        for (String json : List.of(
                "{\"protocolVersion\":1}",
                "{\"protocolVersion\":1,\"clientCapabilities\":{}}",
                "{\"protocolVersion\":7,\"clientCapabilities\":null,\"clientInfo\":null,\"_meta\":null,\"x\":[1]}",
                "{\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":{\"readTextFile\":null},\"unknown\":{}}}",
                "{\"protocolVersion\":1,\"_meta\":{\"a\":1.50,\"b\":12345678901234567890,\"c\":{}}}")) {
            JsonNode params = mapper.readTree(json);
            InitializeRequest actual = InitializeCodec.readRequest(params, mapper);
            assertThat(actual).as(json).isNotNull().isEqualTo(mapper.treeToValue(params, InitializeRequest.class));
        }
    }

    @Test
    void readsAndWritesZedsTerminalAuthMetaByHandAsDatabindDoes() throws Exception {
        String zed = "{\"protocolVersion\":1,\"clientCapabilities\":{\"terminal\":true,"
                + "\"_meta\":{\"terminal_output\":true,\"terminal-auth\":true,\"n\":[1,\"x\",{\"o\":false}],\"e\":{}}}}";
        JsonNode params = mapper.readTree(zed);
        InitializeRequest read = InitializeCodec.readRequest(params, mapper);
        assertThat(read).isNotNull().isEqualTo(mapper.treeToValue(params, InitializeRequest.class));
        assertThat(read.clientCapabilities().meta()).containsEntry("terminal-auth", true);

        java.util.Map<String, Object> descriptor = new java.util.LinkedHashMap<>();
        descriptor.put("label", "Log in from a terminal");
        descriptor.put("command", "/opt/acp4j/bin/acp4j");
        descriptor.put("args", List.of("--config", "/home/u/a \"b\".json", "--login", "terminal-login"));
        descriptor.put("env", java.util.Map.of("XDG_CONFIG_HOME", "/home/u/.config"));
        InitializeResponse response = new InitializeResponse(1, null, List.of(new dev.acp4j.protocol.auth.AuthMethod.Terminal(
                "terminal-login", "Log in from a terminal", null, List.of("--login"), java.util.Map.of("NO_COLOR", "1"),
                java.util.Map.of("terminal-auth", descriptor))), Implementation.of("acp4j", null, "1.0"), null);
        assertThat(write(response)).isEqualTo(mapper.writeValueAsString(response)).contains("\"terminal-auth\":{\"label\"");
    }

    @Test
    void readsRepeatedKeysAsTheirLastValueAsDatabindDoes() throws Exception {
        String deduplicated = "{\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":{\"readTextFile\":true},"
                + "\"elicitation\":{\"url\":{}}},\"clientInfo\":{\"name\":\"b\",\"version\":\"2\"},\"_meta\":{\"k\":2}}";
        InitializeRequest expected = mapper.treeToValue(mapper.readTree(deduplicated), InitializeRequest.class);
        for (String json : List.of(
                "{\"protocolVersion\":\"1\",\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":{\"readTextFile\":1,"
                        + "\"readTextFile\":true},\"elicitation\":{\"url\":{}}},\"clientInfo\":{\"name\":\"a\",\"name\":\"b\","
                        + "\"version\":\"2\"},\"_meta\":{\"k\":1,\"k\":2}}",
                "{\"protocolVersion\":1,\"clientCapabilities\":{\"terminal\":true},\"clientCapabilities\":{\"fs\":"
                        + "{\"readTextFile\":true},\"elicitation\":{\"url\":{}}},\"clientInfo\":[],\"clientInfo\":{\"name\":\"b\","
                        + "\"version\":\"2\"},\"_meta\":{\"k\":2}}")) {
            JsonNode params = mapper.readTree(json);
            assertThat(InitializeCodec.readRequest(params, mapper)).as(json).isEqualTo(expected)
                    .isEqualTo(mapper.treeToValue(params, InitializeRequest.class));
        }
        JsonNode lastIsInvalid = mapper.readTree("{\"protocolVersion\":1,\"protocolVersion\":\"1\"}");
        assertThat(InitializeCodec.readRequest(lastIsInvalid, mapper)).isNull();
        assertThat(databindOrNull(lastIsInvalid)).as("databind refuses the last value too").isNull();
    }

    @Test
    void leavesInvalidParamsToDatabind() throws Exception {
        for (String json : List.of(
                "{}",
                "{\"protocolVersion\":null}",
                "{\"protocolVersion\":\"1\"}",
                "{\"protocolVersion\":1.0}",
                "{\"protocolVersion\":12345678901}",
                "{\"protocolVersion\":1,\"clientCapabilities\":[]}",
                "{\"protocolVersion\":1,\"clientCapabilities\":{\"terminal\":\"yes\"}}",
                "{\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":{\"readTextFile\":1}}}",
                "{\"protocolVersion\":1,\"clientCapabilities\":{\"elicitation\":{\"form\":true}}}",
                "{\"protocolVersion\":1,\"clientInfo\":{\"name\":\"n\"}}",
                "{\"protocolVersion\":1,\"clientInfo\":{\"name\":null,\"version\":\"1\"}}",
                "{\"protocolVersion\":1,\"clientInfo\":{\"name\":1,\"version\":\"1\"}}",
                "{\"protocolVersion\":1,\"_meta\":[]}")) {
            JsonNode params = mapper.readTree(json);
            assertThat(InitializeCodec.readRequest(params, mapper)).as(json).isNull();
            assertThat(databindOrNull(params)).as("databind refuses %s too", json).isNull();
        }
    }

    @Test
    void writesEveryResponseVariantAsDatabindDoes() throws Exception {
        int total = RecordFiller.components(InitializeResponse.class);
        assertThat(total).isGreaterThan(40);
        for (int omit = -1; omit < total; omit++) {
            InitializeResponse response = RecordFiller.fill(InitializeResponse.class, omit);
            assertThat(write(response)).as("variant %d", omit).isEqualTo(mapper.writeValueAsString(response));
        }
    }

    @Test
    void writesTheFactoryMadeResponsesAsDatabindDoes() throws Exception {
        InitializeResponse minimal = InitializeResponse.of(1, Implementation.of("acp4j", null, "1.0"));
        assertThat(write(minimal)).isEqualTo(mapper.writeValueAsString(minimal));
        InitializeResponse empty = new InitializeResponse(1, null, List.of(), null, null);
        assertThat(write(empty)).isEqualTo(mapper.writeValueAsString(empty)).isEqualTo("{\"protocolVersion\":1,\"authMethods\":[]}");
    }

    private String write(InitializeResponse response) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = mapper.createGenerator(out)) {
            InitializeCodec.writeResponse(g, response);
        }
        return out.toString();
    }

    private InitializeRequest databindOrNull(JsonNode params) {
        try {
            return mapper.treeToValue(params, InitializeRequest.class);
        } catch (Exception e) {
            return null;
        }
    }
}
