package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsLinesAndSkipsAnOverlongOneWithoutLosingTheNext() throws Exception {
        String input = "a\n" + "x".repeat(100) + "\nbc\r\nlast";
        LineReader reader = new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 10);
        assertThat(text(reader.next())).isEqualTo("a");
        LineReader.Line tooLong = reader.next();
        assertThat(tooLong.tooLong()).isTrue();
        assertThat(text(reader.next())).isEqualTo("bc\r");
        assertThat(text(reader.next())).isEqualTo("last");
        assertThat(reader.next()).isNull();
    }

    private static String text(LineReader.Line line) {
        assertThat(line.tooLong()).isFalse();
        return new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
    }
}
