package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.acp4j.protocol.initialization.InitializeResponse;
import dev.acp4j.protocol.initialization.RecordFiller;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageEncoderTest {

    private final ObjectMapper mapper = Json.newMapper();
    private final MessageEncoder encoder = new MessageEncoder(mapper);

    @Test
    void anInitializeResultIsTheEnvelopeDatabindWrites() throws Exception {
        InitializeResponse response = RecordFiller.fill(InitializeResponse.class, -1);
        for (JsonNode id : Arrays.asList(IntNode.valueOf(0), TextNode.valueOf("a\"b"), NullNode.getInstance(), null)) {
            String expected = mapper.writeValueAsString(new MessageEncoder.ResultEnvelope(MessageEncoder.VERSION, id, response));
            assertThat(new String(encoder.result(id, response), java.nio.charset.StandardCharsets.UTF_8))
                    .as("id %s", id).isEqualTo(expected).contains("\"authMethods\":[");
        }
    }
}
