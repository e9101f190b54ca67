package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
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

    @Test
    void readsLinesFromAStreamThatCannotTellWhatIsAvailable() throws Exception {
        var in = new ByteArrayInputStream("one\ntwo".getBytes(StandardCharsets.UTF_8));
        var failing = new java.io.FilterInputStream(in) {
            @Override
            public int available() throws IOException {
                throw new IOException("cannot tell");
            }
        };
        LineReader reader = new LineReader(failing, 100);
        assertThat(text(reader.next())).isEqualTo("one");
        assertThat(text(reader.next())).isEqualTo("two");
        assertThat(reader.next()).isNull();
    }

    @Test
    void aLineWrittenLongAfterTheReadStartedIsStillRead() throws Exception {
        PipedOutputStream out = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(out);
        LineReader reader = new LineReader(in, 100);
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(LineReader.SPIN_NANOS / 1_000_000 + 100);
                out.write("late\n".getBytes(StandardCharsets.UTF_8));
                out.close();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertThat(text(reader.next())).isEqualTo("late");
        assertThat(reader.next()).isNull();
        writer.join();
    }

    private static String text(LineReader.Line line) {
        assertThat(line.tooLong()).isFalse();
        return new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
    }
}
