package dev.acp4j.jsonrpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One connection that a fuzz target keeps across its executions, its lines handled on the
 * target's own thread (no thread is started): each execution hands it an input, read up to its
 * end as the read loop reads the connection's input, and then a probe whose answer shows the
 * connection still serves. Handlers run where they are called, so answers come in input order;
 * queued notifications are written before the lines are taken.
 */
final class LiveConnection {

    final JsonRpcConnection connection;
    private final int maxLineBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final List<String> written = new ArrayList<>();
    private long probes;

    LiveConnection(MethodTable methods, int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.connection = JsonRpcConnection.builder(InputStream.nullInputStream(), new LineCollector())
                .mapper(Json.shared())
                .methods(methods)
                .executor(new SameThreadExecutor())
                .maxLineBytes(maxLineBytes)
                .build();
    }

    /**
     * Handles the bytes as the connection's input, up to their end (a last line without its
     * newline included); returns the lines written meanwhile. Whatever the read loop would not
     * catch escapes from here.
     */
    List<String> read(byte[] bytes) throws IOException {
        connection.readLines(new LineReader(new ByteArrayInputStream(bytes), maxLineBytes));
        return take();
    }

    /** The id of the next probe: a string id no other line of this connection uses. */
    String nextProbeId() {
        return "probe-" + probes++;
    }

    /** The lines written since the last call. */
    List<String> take() {
        connection.flushQueued();
        List<String> lines = List.copyOf(written);
        written.clear();
        return lines;
    }

    /** Whether the last byte written ended a line. */
    boolean atLineEnd() {
        return partial.size() == 0;
    }

    /** The connection's output, cut into lines as they are completed. */
    private final class LineCollector extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i - start);
                    written.add(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(bytes, start, offset + length - start);
        }
    }

    /** Runs handlers (and the completion of our requests) where they are submitted. */
    private static final class SameThreadExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
