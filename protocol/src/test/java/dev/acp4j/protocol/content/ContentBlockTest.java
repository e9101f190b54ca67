package dev.acp4j.protocol.content;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.read;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.acp4j.protocol.Wire;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentBlockTest {

    @Test
    void textFactoryWritesTypeAndText() {
        assertThat(tree(ContentBlock.text("hi"))).isEqualTo(Wire.parse("{\"type\":\"text\",\"text\":\"hi\"}"));
    }

    @Test
    void textWithAnnotationsRoundTrips() {
        ContentBlock block = assertRoundTrip("""
                {"type":"text","text":"hello","annotations":{"audience":["user","assistant"],
                 "lastModified":"2025-01-01T00:00:00Z","priority":0.5},"_meta":{"k":"v"}}""", ContentBlock.class);
        assertThat(block).isInstanceOfSatisfying(ContentBlock.Text.class, text -> {
            assertThat(text.annotations().audience()).containsExactly(Role.USER, Role.ASSISTANT);
            assertThat(text.annotations().priority()).isEqualTo(0.5);
            assertThat(text.meta()).isEqualTo(Map.of("k", "v"));
        });
    }

    @Test
    void imageAndAudioRoundTrip() {
        assertThat(assertRoundTrip("""
                {"type":"image","data":"aGk=","mimeType":"image/png","uri":"file:///a.png"}""", ContentBlock.class))
                .isEqualTo(new ContentBlock.Image("aGk=", "image/png", "file:///a.png", null, null));
        assertThat(assertRoundTrip("""
                {"type":"audio","data":"aGk=","mimeType":"audio/wav"}""", ContentBlock.class))
                .isEqualTo(new ContentBlock.Audio("aGk=", "audio/wav", null, null));
    }

    @Test
    void resourceLinkRoundTrips() {
        assertThat(assertRoundTrip("""
                {"type":"resource_link","name":"a.txt","uri":"file:///a.txt","title":"A","description":"d",
                 "mimeType":"text/plain","size":12}""", ContentBlock.class))
                .isEqualTo(new ContentBlock.ResourceLink("a.txt", "file:///a.txt", "A", "d", "text/plain", 12L,
                        null, null));
    }

    @Test
    void embeddedResourceTellsTextFromBlobByTheirFields() {
        ContentBlock text = assertRoundTrip("""
                {"type":"resource","resource":{"uri":"file:///a.txt","text":"x","mimeType":"text/plain"}}""",
                ContentBlock.class);
        ContentBlock blob = assertRoundTrip("""
                {"type":"resource","resource":{"uri":"file:///a.bin","blob":"AAE="}}""", ContentBlock.class);

        assertThat(((ContentBlock.Resource) text).resource())
                .isEqualTo(new EmbeddedResourceResource.TextResourceContents("file:///a.txt", "x", "text/plain", null));
        assertThat(((ContentBlock.Resource) blob).resource())
                .isEqualTo(new EmbeddedResourceResource.BlobResourceContents("file:///a.bin", "AAE=", null, null));
    }

    @Test
    void unknownTypeIsAClearError() {
        assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"type\":\"video\",\"data\":\"x\"}", ContentBlock.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("video");
    }

    @Test
    void metaKeepsNestedValues() {
        ContentBlock block = read("""
                {"type":"text","text":"t","_meta":{"n":1.25,"list":[1,"a"],"obj":{"deep":true}}}""", ContentBlock.class);
        assertThat(((ContentBlock.Text) block).meta())
                .containsEntry("n", new BigDecimal("1.25"))
                .containsEntry("list", List.of(1, "a"))
                .containsEntry("obj", Map.of("deep", true));
    }
}
