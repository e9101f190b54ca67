package dev.acp4j.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole lines, in the order handed over; queued lines reach the reader without another write. */
class LineWriterTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aQueuedLineReachesTheReaderWithoutAnotherWrite() throws Exception {
        PipedInputStream in = new PipedInputStream(1 << 16);
        LineWriter writer = new LineWriter(new PipedOutputStream(in), TraceSink.NONE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        writer.writeLineSoon(bytes("{\"n\":1}"));
        assertThat(reader.readLine()).isEqualTo("{\"n\":1}");
        writer.writeLineSoon(bytes("{\"n\":2}"));
        assertThat(reader.readLine()).isEqualTo("{\"n\":2}");
    }

    @Test
    void aLineHandedOverInPiecesGoesOutAndIsTracedAsOneLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> traced = new ArrayList<>();
        TraceSink trace = new TraceSink() {
            @Override
            public void incoming(byte[] line, int length) {
            }

            @Override
            public void outgoing(byte[] line, int length) {
                traced.add(new String(line, 0, length, StandardCharsets.UTF_8));
            }
        };
        LineWriter writer = new LineWriter(out, trace);
        byte[] buffer = bytes("xx{\"a\":1}yy");
        writer.writeLineSoon(bytes("{\"params\":"), buffer, 2, 7, '}');
        writer.writeLineSoon(bytes("{\"b\":"), buffer, 2, 7, LineWriter.NO_TAIL);
        writer.writeLine(bytes("{\"id\":1}"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"params\":{\"a\":1}}\n{\"b\":{\"a\":1}\n{\"id\":1}\n");
        assertThat(traced).containsExactly("{\"params\":{\"a\":1}}", "{\"b\":{\"a\":1}", "{\"id\":1}");
    }

    @Test
    void linesGoOutWholeInTheOrderHandedOverAndALineWrittenAtOnceFollowsEveryQueuedOne() {
        List<String> writes = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("one write per batch");
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(new String(b, off, len, StandardCharsets.UTF_8));
                all.write(b, off, len);
            }
        };
        LineWriter writer = new LineWriter(out, TraceSink.NONE);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String line = "{\"update\":" + i + ",\"text\":\"" + "x".repeat(i % 50) + "\"}";
            writer.writeLineSoon(bytes(line));
            expected.add(line);
        }
        writer.writeLine(bytes("{\"id\":1,\"result\":{}}"));
        expected.add("{\"id\":1,\"result\":{}}");
        String written;
        synchronized (out) {
            written = all.toString(StandardCharsets.UTF_8);
            assertThat(writes).allSatisfy(w -> assertThat(w).endsWith("\n"));
        }
        assertThat(written).isEqualTo(String.join("\n", expected) + "\n");
    }

    @Test
    void theHookRunsBeforeTheLinesItPrecedesReachTheOutput() {
        List<Integer> seenAtHook = new ArrayList<>();
        List<Integer> handedOver = new ArrayList<>();
        List<Long> early = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                long lines = toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
                synchronized (handedOver) {
                    if (seenAtHook.isEmpty() || lines > seenAtHook.get(seenAtHook.size() - 1)) {
                        early.add(lines);
                    }
                }
            }
        };
        LineWriter[] writer = new LineWriter[1];
        writer[0] = new LineWriter(out, TraceSink.NONE, () -> {
            synchronized (handedOver) {
                seenAtHook.add(handedOver.size());
            }
        });
        for (int i = 0; i < 2_000; i++) {
            synchronized (handedOver) {
                handedOver.add(i);
            }
            writer[0].writeLineSoon(bytes("{\"n\":" + i + "}"));
        }
        writer[0].flush();
        int lines = out.toString(StandardCharsets.UTF_8).split("\n").length;
        assertThat(lines).isEqualTo(2_000);
        assertThat(seenAtHook).isNotEmpty().isSorted();
        assertThat(seenAtHook.get(seenAtHook.size() - 1)).isEqualTo(2_000);
        assertThat(early).as("line counts written before the hook had run for them").isEmpty();
    }

    @Test
    void drainingWaitsUntilTheFlusherHasWrittenEverythingQueued() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineWriter writer = new LineWriter(out, TraceSink.NONE);
        for (int i = 0; i < 1_000; i++) {
            writer.writeLineSoon(bytes("{\"n\":" + i + "}"));
        }
        assertThat(writer.drain(60_000)).isTrue();
        synchronized (out) {
            assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1_000);
        }
        assertThat(writer.drain(0)).as("nothing left").isTrue();
    }

    @Test
    void aFailedOutputFailsEveryLaterLine() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        LineWriter writer = new LineWriter(broken, TraceSink.NONE);
        assertThatThrownBy(() -> writer.writeLine(bytes("{}"))).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> writer.writeLineSoon(bytes("{}"))).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> writer.writeLine(bytes("{}"))).isInstanceOf(UncheckedIOException.class);
    }
}
