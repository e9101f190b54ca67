package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(@JsonProperty("name") String name, @JsonProperty("flag") Boolean flag,
                  @JsonProperty("_meta") Map<String, Object> meta) {
    }

    record Required(@JsonProperty(value = "name", required = true) String name,
                    @JsonProperty(value = "id", required = true) JsonNode id) {
    }

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void aRequiredFieldMayNotBeAnExplicitNullUnlessItHoldsRawJson() throws Exception {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":null,\"id\":1}", Required.class)).hasMessageContaining("name");
        assertThat(mapper.readValue("{\"name\":\"a\",\"id\":null}", Required.class).id().isNull()).isTrue();
    }

    @Test
    void rejectsAnythingAfterTheValue() {
        assertThatThrownBy(() -> mapper.readTree("{\"a\":1} {\"b\":2}")).hasMessageContaining("Trailing token");
    }

    @Test
    void readsARepeatedKeyAsItsLastValueAtAnyDepth() throws Exception {
        assertThat(mapper.readTree("{\"a\":1,\"a\":2}")).isEqualTo(mapper.readTree("{\"a\":2}"));
        assertThat(mapper.readTree("{\"x\":[{\"a\":{\"b\":1,\"b\":[true]},\"a\":{\"c\":null,\"c\":\"z\"}}]}"))
                .isEqualTo(mapper.readTree("{\"x\":[{\"a\":{\"c\":\"z\"}}]}"));
        JsonNode tree = mapper.readTree("{\"name\":\"first\",\"flag\":true,\"name\":\"last\"}");
        assertThat(mapper.treeToValue(tree, Sample.class)).isEqualTo(new Sample("last", true, null));
    }

    @Test
    void keepsFractionalNumbersAsWritten() throws Exception {
        assertThat(mapper.writeValueAsString(mapper.readTree("{\"id\":22.0,\"x\":1.50}"))).isEqualTo("{\"id\":22.0,\"x\":1.50}");
    }

    @Test
    void omitsAbsentFieldsButKeepsNullsInsideMaps() throws Exception {
        Map<String, Object> meta = new HashMap<>();
        meta.put("a", null);
        assertThat(mapper.writeValueAsString(new Sample(null, null, meta))).isEqualTo("{\"_meta\":{\"a\":null}}");
    }

    @Test
    void refusesCoercionsThatWouldHideAClientBug() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":5}", Sample.class)).hasMessageContaining("name");
        assertThatThrownBy(() -> mapper.readValue("{\"flag\":\"true\"}", Sample.class)).hasMessageContaining("flag");
        assertThatThrownBy(() -> mapper.readValue("{\"flag\":1}", Sample.class)).hasMessageContaining("flag");
    }
}
