package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoedTextTest {

    private PipedPeer peer;

    @AfterEach
    void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void showsAShortTextAsItIs() {
        assertThat(EchoedText.of("sess-1f2e")).isEqualTo("sess-1f2e");
        assertThat(EchoedText.of("セッション 😀 e\u0301")).isEqualTo("セッション 😀 e\u0301");
        assertThat(EchoedText.of("")).isEmpty();
        assertThat(EchoedText.of(null)).isEqualTo("null");
    }

    @Test
    void cutsAfterSixtyFourCharactersWithAMark() {
        assertThat(EchoedText.of("x".repeat(64))).isEqualTo("x".repeat(64));
        assertThat(EchoedText.of("x".repeat(65))).isEqualTo("x".repeat(64) + "…");
        assertThat(EchoedText.of("x".repeat(10_000))).isEqualTo("x".repeat(64) + "…");
        // characters, not UTF-16 units: a pair is never split
        assertThat(EchoedText.of("😀".repeat(100))).isEqualTo("😀".repeat(64) + "…");
        assertThat(EchoedText.of("x".repeat(63) + "😀😀")).isEqualTo("x".repeat(63) + "😀…");
    }

    @Test
    void escapesWhatAReaderCannotSee() {
        assertThat(EchoedText.of("a\nb\rc\td\u0000e\u001bf\u007fg")).isEqualTo(
                "a\\u000ab\\u000dc\\u0009d\\u0000e\\u001bf\\u007fg");
        // bidi override, zero-width space, BOM, line and paragraph separators, a C1 control
        assertThat(EchoedText.of("\u202eabc\u200b\ufeff\u2028\u2029\u0085")).isEqualTo(
                "\\u202eabc\\u200b\\ufeff\\u2028\\u2029\\u0085");
        assertThat(EchoedText.of("lone \ud800 surrogate \udfff")).isEqualTo("lone \\ud800 surrogate \\udfff");
        // a backslash is doubled, so an escape the text itself holds stays apart from ours
        assertThat(EchoedText.of("a\\u0000b")).isEqualTo("a\\\\u0000b");
        assertThat(EchoedText.of("..\\..\\x")).isEqualTo("..\\\\..\\\\x");
    }

    @Test
    void escapesBeforeCuttingSoTheShownTextStaysBounded() {
        String shown = EchoedText.of("\u0000".repeat(10_000));
        assertThat(shown).isEqualTo("\\u0000".repeat(64) + "…");
        assertThat(EchoedText.escape("\u0001".repeat(100))).isEqualTo("\\u0001".repeat(100));
    }

    record Typed(@JsonProperty(value = "block", required = true) Block block,
                 @JsonProperty("counts") Map<String, Integer> counts) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes(@JsonSubTypes.Type(value = Block.Text.class, name = "text"))
    sealed interface Block {
        record Text(@JsonProperty("text") String text) implements Block {
        }
    }

    @Test
    void errorAnswersShowWhatThePeerSentBoundedAndEscaped() throws Exception {
        peer = new PipedPeer(new MethodTable().request("typed", Typed.class, (p, ctx) -> Map.of()));
        String method = "m\u0000\u202e" + "x".repeat(100_000);
        peer.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method.replace("\u0000", "\\u0000") + "\"}");
        assertThat(peer.next().at("/error/message").asText())
                .isEqualTo("Method not found: m\\u0000\\u202e" + "x".repeat(61) + "…");

        peer.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"typed\",\"params\":{\"block\":{\"type\":\""
                + "t\\n".repeat(5000) + "\"}}}");
        assertThat(peer.next().at("/error/message").asText())
                .isEqualTo("Invalid params: field 'block' has an unknown type '" + "t\\u000a".repeat(32) + "…'");

        peer.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"typed\",\"params\":{\"block\":{\"type\":\"text\"},"
                + "\"counts\":{\"" + "k\\u0007".repeat(5000) + "\":\"many\"}}}");
        assertThat(peer.next().at("/error/message").asText())
                .isEqualTo("Invalid params: field 'counts." + "k\\u0007".repeat(32) + "…' must be a number");

        peer.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"typed\",\"params\":{\"block\":{\"type\":\"text\"}}}");
        assertThat(peer.next().has("result")).as("the connection still answers").isTrue();
    }
}
