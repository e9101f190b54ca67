package dev.acp4j.protocol.elicitation;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.read;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElicitationTest {

    @Test
    void urlElicitationForARequestMatchesTheProfile() {
        CreateElicitationRequest request = CreateElicitationRequest.urlForRequest(IntNode.valueOf(7), "el-1",
                "https://auth.example.com/authorize?x=1", "Sign in to Example");

        assertThat(tree(request)).isEqualTo(parse("""
                {"mode":"url","requestId":7,"elicitationId":"el-1","url":"https://auth.example.com/authorize?x=1",
                 "message":"Sign in to Example"}"""));
        assertThat(read(dev.acp4j.protocol.Wire.write(request), CreateElicitationRequest.class)).isEqualTo(request);
    }

    @Test
    void urlElicitationForASessionRoundTrips() {
        CreateElicitationRequest request = assertRoundTrip("""
                {"mode":"url","sessionId":"s1","toolCallId":"t1","elicitationId":"e","url":"https://x","message":"m"}""",
                CreateElicitationRequest.class);
        assertThat(request).isEqualTo(new CreateElicitationRequest.Url("m", "e", "https://x", "s1", "t1", null, null));
    }

    @Test
    void stringRequestIdsAreKeptAsStrings() {
        CreateElicitationRequest request = read("""
                {"mode":"url","requestId":"abc","elicitationId":"e","url":"https://x","message":"m"}""",
                CreateElicitationRequest.class);
        assertThat(((CreateElicitationRequest.Url) request).requestId()).isEqualTo(TextNode.valueOf("abc"));
    }

    @Test
    void formElicitationWithEveryFieldKindRoundTrips() {
        CreateElicitationRequest request = assertRoundTrip("""
                {"mode":"form","sessionId":"s1","message":"Configure",
                 "requestedSchema":{"type":"object","title":"Settings","required":["name"],"properties":{
                   "name":{"type":"string","title":"Name","minLength":1,"maxLength":20,"pattern":"^[a-z]+$",
                           "format":"email","default":"a@b.c"},
                   "color":{"type":"string","enum":["red","blue"],"oneOf":[{"const":"red","title":"Red"}]},
                   "ratio":{"type":"number","minimum":0.5,"maximum":2.5,"default":1.5},
                   "count":{"type":"integer","minimum":1,"maximum":10,"default":3},
                   "ok":{"type":"boolean","default":true,"description":"Sure?"},
                   "tags":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"string","enum":["a","b"]},
                           "default":["a"]},
                   "picks":{"type":"array","items":{"anyOf":[{"const":"x","title":"X"}]}},
                   "future":{"type":"color-picker","palette":["#fff"]}}}}""", CreateElicitationRequest.class);

        Map<String, ElicitationPropertySchema> properties =
                ((CreateElicitationRequest.Form) request).requestedSchema().properties();
        assertThat(properties.get("name")).isInstanceOf(ElicitationPropertySchema.StringSchema.class);
        assertThat(properties.get("ratio")).isInstanceOf(ElicitationPropertySchema.NumberSchema.class);
        assertThat(properties.get("count")).isInstanceOf(ElicitationPropertySchema.IntegerSchema.class);
        assertThat(properties.get("ok")).isInstanceOf(ElicitationPropertySchema.BooleanSchema.class);
        assertThat(((ElicitationPropertySchema.ArraySchema) properties.get("tags")).items())
                .isEqualTo(new MultiSelectItems.StringItems(List.of("a", "b"), null));
        assertThat(((ElicitationPropertySchema.ArraySchema) properties.get("picks")).items())
                .isEqualTo(new MultiSelectItems.TitledItems(List.of(EnumOption.of("x", "X")), null));
        assertThat(properties.get("future")).isInstanceOfSatisfying(ElicitationPropertySchema.Other.class,
                other -> assertThat(other.type()).isEqualTo("color-picker"));
    }

    @Test
    void unknownModeIsKeptRaw() {
        CreateElicitationRequest request = assertRoundTrip("""
                {"mode":"voice","requestId":1,"message":"Say it","lang":"en"}""", CreateElicitationRequest.class);
        assertThat(request).isInstanceOf(CreateElicitationRequest.Other.class);
        assertThat(request.mode()).isEqualTo("voice");
        assertThat(request.message()).isEqualTo("Say it");
    }

    @Test
    void responsesRoundTrip() {
        CreateElicitationResponse accept = assertRoundTrip("""
                {"action":"accept","content":{"name":"x","count":3,"ratio":1.5,"ok":true,"tags":["a","b"]}}""",
                CreateElicitationResponse.class);
        assertThat(((CreateElicitationResponse.Accept) accept).content().get("count").asInt()).isEqualTo(3);

        assertThat(assertRoundTrip("{\"action\":\"decline\"}", CreateElicitationResponse.class))
                .isEqualTo(new CreateElicitationResponse.Decline(null));
        assertThat(assertRoundTrip("{\"action\":\"cancel\",\"_meta\":{\"a\":1}}", CreateElicitationResponse.class))
                .isEqualTo(new CreateElicitationResponse.Cancel(Map.of("a", 1)));
    }

    @Test
    void unknownActionIsKeptRaw() {
        CreateElicitationResponse response = assertRoundTrip("{\"action\":\"defer\",\"until\":\"later\"}",
                CreateElicitationResponse.class);
        assertThat(response).isInstanceOf(CreateElicitationResponse.Other.class);
        assertThat(response.action()).isEqualTo("defer");
    }

    @Test
    void completeNotificationAndCapabilities() {
        assertThat(tree(CompleteElicitationNotification.of("el-1"))).isEqualTo(parse("{\"elicitationId\":\"el-1\"}"));
        ElicitationCapabilities capabilities = assertRoundTrip("{\"form\":{},\"url\":{}}", ElicitationCapabilities.class);
        assertThat(capabilities.url()).isNotNull();
        assertThat(read("{\"form\":{}}", ElicitationCapabilities.class).url()).isNull();
    }
}
