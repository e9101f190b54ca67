package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper-free reader gives the shared mapper's tree, node types included, or leaves the bytes to the mapper. */
class TreeReaderTest {

    @Test
    void plainJsonReadsAsTheMapperReadsIt() throws Exception {
        List<String> plain = List.of("{}", "[]", "\"text \\u00e9 \\n\"", "true", "null", "0", "-1", "2147483647",
                "2147483648", "-9223372036854775808", "9223372036854775807",
                " {\"a\":[1,{\"b\":null},\"c\",false],\"d\":{\"e\":{}}} \r\n",
                "{\"authMethods\":[{\"id\":\"x\",\"type\":\"env_var\",\"vars\":[{\"name\":\"K\"}]}],\"elicitationTimeoutSeconds\":90}");
        for (String json : plain) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            JsonNode expected = Json.shared().readTree(bytes);
            JsonNode actual = TreeReader.read(bytes, 0, bytes.length);
            assertThat(actual).as(json).isEqualTo(expected);
            assertThat(actual.toString()).as(json).isEqualTo(expected.toString());
            assertThat(types(actual)).as(json).isEqualTo(types(expected));
        }
    }

    @Test
    void anythingElseIsLeftToTheMapper() {
        List<String> unusual = List.of("", "  ", "1.5", "1e3", "9223372036854775808", "{\"a\":1,\"a\":2}",
                "{\"a\":[{\"b\":1,\"b\":1}]}", "{} {}", "{} x", "{", "[1,]", "{\"a\":NaN}", "'a'",
                "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1));
        for (String json : unusual) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(TreeReader.read(bytes, 0, bytes.length)).as(json).isNull();
        }
    }

    @Test
    void readsTheGivenRangeOnly() {
        byte[] bytes = "xx{\"a\":1}yy".getBytes(StandardCharsets.UTF_8);
        assertThat(TreeReader.read(bytes, 2, 7).toString()).isEqualTo("{\"a\":1}");
    }

    private static String types(JsonNode node) {
        StringBuilder sb = new StringBuilder(node.getClass().getSimpleName());
        for (JsonNode child : node) {
            sb.append('(').append(types(child)).append(')');
        }
        return sb.toString();
    }
}
