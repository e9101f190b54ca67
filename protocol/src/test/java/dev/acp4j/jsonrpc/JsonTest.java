package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(@JsonProperty("name") String name, @JsonProperty("flag") Boolean flag,
                  @JsonProperty("_meta") Map<String, Object> meta) {
    }

    private final ObjectMapper mapper = Json.newMapper();

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
