package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void acceptsEveryWellFormedSequenceUpToTheLastCodePoint() {
        byte[] text = "a é ✓ 日本 😀 \uFFFF \uDBFF\uDFFF".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(text, 0, text.length)).isEqualTo(-1);
    }

    @Test
    void findsOverlongFormsSurrogatesOutOfRangeAndCutSequences() {
        int[][] invalid = {
            {0x80}, {0xC0, 0xAF}, {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xF0, 0x80, 0x80, 0x80},
            {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xE2, 0x82}, {0xC3, 0x28},
        };
        for (int[] sequence : invalid) {
            byte[] bytes = new byte[sequence.length + 2];
            bytes[0] = 'o';
            bytes[1] = 'k';
            for (int i = 0; i < sequence.length; i++) {
                bytes[i + 2] = (byte) sequence[i];
            }
            assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).as(java.util.Arrays.toString(sequence)).isEqualTo(2);
        }
    }

    @Test
    void looksOnlyAtTheGivenRange() {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x9C, (byte) 0x93, (byte) 0xFF};
        assertThat(Utf8.firstInvalid(bytes, 1, 3)).isEqualTo(-1);
        assertThat(Utf8.firstInvalid(bytes, 1, 2)).isEqualTo(1);
    }
}
