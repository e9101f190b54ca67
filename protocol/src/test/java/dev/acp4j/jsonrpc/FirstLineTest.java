package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirstLineTest {

    @Test
    void theLineIsReadAcrossReadsAndNothingReadPastItIsLost() throws IOException {
        FirstLine first = FirstLine.read(trickle("{\"a\":1}\n{\"b\":2}\nrest"), 1024);
        assertThat(first.isWhole()).isTrue();
        assertThat(first.length()).isEqualTo(7);
        assertThat(new String(first.line(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(first.regionEquals(0, 2, "{\"".getBytes(StandardCharsets.UTF_8), 0)).isTrue();
        assertThat(first.regionEquals(0, 8, "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8), 0)).as("past the line").isFalse();
        assertThat(new String(first.remaining(false).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n{\"b\":2}\nrest");
        FirstLine again = FirstLine.read(trickle("{\"a\":1}\n{\"b\":2}\nrest"), 1024);
        assertThat(new String(again.remaining(true).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}\nrest");
    }

    @Test
    void aLineLongerThanTheLimitOrCutByTheEndIsNotWholeAndIsHandedOnAsRead() throws IOException {
        FirstLine tooLong = FirstLine.read(new ByteArrayInputStream("x".repeat(5000).concat("\nnext").getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(tooLong.isWhole()).isFalse();
        assertThat(tooLong.length()).isEqualTo(-1);
        assertThat(tooLong.line()).isEmpty();
        assertThat(tooLong.remaining(true).readAllBytes()).hasSize(5005);
        FirstLine cut = FirstLine.read(new ByteArrayInputStream("no newline".getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(cut.isWhole()).isFalse();
        assertThat(new String(cut.remaining(true).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("no newline");
    }

    @Test
    void aReadFailureComesBackToTheNextReaderAfterWhatWasRead() throws IOException {
        InputStream failing = new InputStream() {
            private boolean sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent) {
                    throw new IOException("pipe broken");
                }
                sent = true;
                b[off] = 'x';
                return 1;
            }
        };
        FirstLine first = FirstLine.read(failing, 100);
        assertThat(first.isWhole()).isFalse();
        InputStream next = first.remaining(false);
        assertThat(next.read()).isEqualTo('x');
        assertThatThrownBy(next::read).isInstanceOf(IOException.class).hasMessage("pipe broken");
    }

    /** A stream that gives its bytes three at a time. */
    private static InputStream trickle(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }
}
