package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.acp4j.protocol.initialization.InitializeCodec;
import dev.acp4j.protocol.initialization.InitializeRequest;
import dev.acp4j.protocol.initialization.InitializeResponse;
import dev.acp4j.protocol.initialization.RecordFiller;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection's encoder and binder give the same bytes and errors with the initialize codec as without. */
class DirectCodecTest {

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void anInitializeResultIsTheEnvelopeDatabindWrites() throws Exception {
        MessageEncoder direct = new MessageEncoder(mapper, InitializeCodec.INSTANCE);
        MessageEncoder databind = new MessageEncoder(mapper, DirectCodec.NONE);
        for (Object result : List.of(RecordFiller.fill(InitializeResponse.class, -1), Map.of("sessionId", "s"))) {
            for (JsonNode id : Arrays.asList(IntNode.valueOf(0), TextNode.valueOf("a\"b"), NullNode.getInstance(), null)) {
                assertThat(text(direct.result(id, result))).as("id %s", id)
                        .isEqualTo(text(databind.result(id, result)))
                        .startsWith("{\"jsonrpc\":\"2.0\",\"id\":");
            }
        }
    }

    @Test
    void invalidInitializeParamsGetDatabindsErrorNamingTheField() throws Exception {
        ParamsBinder direct = new ParamsBinder(mapper, InitializeCodec.INSTANCE);
        ParamsBinder databind = new ParamsBinder(mapper, DirectCodec.NONE);
        for (String json : List.of("{\"protocolVersion\":\"1\"}", "{}",
                "{\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":{\"readTextFile\":\"yes\"}}}",
                "{\"protocolVersion\":1,\"clientInfo\":{\"version\":\"1\"}}")) {
            JsonNode params = mapper.readTree(json);
            JsonRpcException expected = catchThrowableOfType(JsonRpcException.class, () -> databind.bind(params, InitializeRequest.class));
            JsonRpcException actual = catchThrowableOfType(JsonRpcException.class, () -> direct.bind(params, InitializeRequest.class));
            assertThat(actual).as(json).isNotNull();
            assertThat(actual.error()).isEqualTo(expected.error());
            assertThat(actual.error().code()).isEqualTo(-32602);
        }
    }

    @Test
    void validInitializeParamsBindAsWithDatabind() throws Exception {
        JsonNode params = mapper.valueToTree(RecordFiller.fill(InitializeRequest.class, -1));
        assertThat(new ParamsBinder(mapper, InitializeCodec.INSTANCE).bind(params, InitializeRequest.class))
                .isEqualTo(new ParamsBinder(mapper, DirectCodec.NONE).bind(params, InitializeRequest.class));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
