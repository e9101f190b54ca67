package dev.acp4j.jsonrpc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The single writer of the output stream: each message is one line, written and flushed
 * whole under one lock, so lines from concurrent handlers never interleave. A slow reader on
 * the other side blocks writers (back-pressure) instead of growing a queue.
 */
public final class LineWriter {

    private final OutputStream out;
    private final TraceSink trace;
    private boolean failed;

    /**
     * A writer to {@code out}.
     *
     * @param out the output
     * @param trace sees every line written
     */
    public LineWriter(OutputStream out, TraceSink trace) {
        this.out = out;
        this.trace = trace;
    }

    /**
     * Writes one encoded message followed by a newline. The encoding never contains a raw
     * newline (JSON escapes it inside strings and our encoder never pretty-prints).
     *
     * @param message the encoded message
     */
    public synchronized void writeLine(byte[] message) {
        if (failed) {
            throw new UncheckedIOException(new IOException("output stream closed"));
        }
        try {
            out.write(message);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException(e);
        }
        trace.outgoing(message, message.length);
    }
}
