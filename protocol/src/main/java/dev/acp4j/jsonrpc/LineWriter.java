package dev.acp4j.jsonrpc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The single writer of the output stream: each message is one line, whole, in the order the
 * writers handed them over, so lines from concurrent handlers never interleave.
 *
 * <p>{@link #writeLine} (answers, requests) returns once its line and every line before it have
 * been written and flushed. {@link #writeLineSoon} (notifications, which a turn streams by the
 * thousand) queues its line and returns: a flusher thread writes everything queued so far with
 * one flush, woken at once, so a lone chunk reaches the client promptly. When lines were queued
 * while it wrote (a burst), the flusher sleeps 50 µs before the next write, without
 * being woken by the writers, so a burst costs one write (and one wake-up of the reader) per
 * many chunks. A slow reader on the other side blocks writers (back-pressure) once
 * {@link #QUEUED_BYTES} are queued, instead of growing the queue.
 */
public final class LineWriter {

    /** Queued bytes beyond which a writer of {@link #writeLineSoon} writes the queue itself. */
    static final int QUEUED_BYTES = 64 * 1024;
    /** A queue buffer grown past this for one long line is dropped after it is written. */
    private static final int RETAINED_BYTES = 1024 * 1024;
    /** How long an idle flusher thread waits for more lines before it ends (the next line starts one). */
    private static final long FLUSHER_IDLE_MILLIS = 2_000;
    /** For {@link #writeLineSoon(byte[], byte[], int, int, int)}: the message has no last byte of its own. */
    public static final int NO_TAIL = -1;
    private static final byte[] EMPTY = new byte[0];
    /**
     * How long the flusher sleeps after a write during which more lines were queued (a burst), so
     * that the next write takes many lines instead of the one or two queued meanwhile.
     */
    private static final long LINGER_NANOS = 50_000;
    /** Queued bytes from which the flusher writes at once instead of letting more gather. */
    private static final int LINGER_BYTES = 16 * 1024;

    private final OutputStream out;
    private final TraceSink trace;
    /** Held while bytes go to {@link #out}: one write and flush at a time, in queue order. */
    private final Object writing = new Object();

    // guarded by this
    private byte[] queue = new byte[8 * 1024];
    private int queued;
    private byte[] spare;
    private boolean failed;
    private Thread flusher;
    private boolean flusherWaiting;
    /** Lines taken from the queue are being written. */
    private boolean writingNow;

    private final Runnable beforeWrite;

    /**
     * A writer to {@code out}.
     *
     * @param out the output
     * @param trace sees every line written
     */
    public LineWriter(OutputStream out, TraceSink trace) {
        this(out, trace, () -> { });
    }

    /**
     * A writer to {@code out} that runs {@code beforeWrite} before each write.
     *
     * @param out the output
     * @param trace sees every line written
     * @param beforeWrite runs before each write, once the lines to write have been taken (see
     *                    {@link JsonRpcConnection.Builder#beforeWrite}); its failures are its own to report
     */
    public LineWriter(OutputStream out, TraceSink trace, Runnable beforeWrite) {
        this.out = out;
        this.trace = trace;
        this.beforeWrite = beforeWrite;
    }

    /**
     * Writes one encoded message followed by a newline, after every line handed over before it,
     * and flushes. The encoding never contains a raw newline (JSON escapes it inside strings and
     * our encoder never pretty-prints).
     *
     * @param message the encoded message
     * @throws UncheckedIOException when the output failed (then and for every later line)
     */
    public void writeLine(byte[] message) {
        enqueue(message);
        writeQueue();
        synchronized (this) {
            if (failed) {
                throw closed();
            }
        }
    }

    /**
     * Queues one encoded message for the flusher thread, which writes it promptly with the lines
     * queued beside it.
     *
     * @param message the encoded message
     * @throws UncheckedIOException when the output has already failed
     */
    public void writeLineSoon(byte[] message) {
        writeLineSoon(EMPTY, message, 0, message.length, NO_TAIL);
    }

    /**
     * As {@link #writeLineSoon(byte[])} for the message {@code head}, then {@code length} bytes of
     * {@code body} from {@code offset}, then {@code tail} (unless it is {@link #NO_TAIL}): the
     * pieces are copied into the queue, no array is made for the line.
     *
     * @param head the message's first bytes
     * @param body holds the next bytes
     * @param offset where they start in {@code body}
     * @param length how many
     * @param tail the message's last byte, or {@link #NO_TAIL}
     * @throws UncheckedIOException when the output has already failed
     */
    public void writeLineSoon(byte[] head, byte[] body, int offset, int length, int tail) {
        synchronized (this) {
            if (enqueue(head, body, offset, length, tail) < QUEUED_BYTES) {
                wakeFlusher();
                return;
            }
        }
        writeQueue();
    }

    /** Writes and flushes every line queued so far, on this thread. */
    public void flush() {
        writeQueue();
    }

    /**
     * Has the flusher thread write every line queued so far and waits until it has, at most
     * {@code millis} (the connection does when it shuts down: a client that stopped reading
     * must not keep the process from exiting).
     *
     * @param millis how long to wait at most
     * @return whether everything queued was written (or the output had failed)
     */
    public boolean drain(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (this) {
            if (queued > 0 && !failed) {
                wakeFlusher();
            }
            while ((queued > 0 || writingNow) && !failed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Starts the flusher thread, or wakes it when it waits; the caller holds this object's lock. */
    private void wakeFlusher() {
        if (flusher == null) {
            flusher = new Thread(this::flushLoop, "acp4j-output");
            flusher.setDaemon(true);
            flusher.start();
        } else if (flusherWaiting) {
            notifyAll();
        }
    }

    /** @return the bytes queued after this line */
    private synchronized int enqueue(byte[] message) {
        return enqueue(EMPTY, message, 0, message.length, NO_TAIL);
    }

    /** @return the bytes queued after this line */
    private synchronized int enqueue(byte[] head, byte[] body, int offset, int length, int tail) {
        if (failed) {
            throw closed();
        }
        int start = queued;
        int lineLength = head.length + length + (tail == NO_TAIL ? 0 : 1);
        int needed = start + lineLength + 1;
        if (needed > queue.length) {
            queue = Arrays.copyOf(queue, Math.max(needed, queue.length * 2));
        }
        byte[] q = queue;
        int p = start;
        System.arraycopy(head, 0, q, p, head.length);
        p += head.length;
        System.arraycopy(body, offset, q, p, length);
        p += length;
        if (tail != NO_TAIL) {
            q[p++] = (byte) tail;
        }
        q[p] = '\n';
        queued = needed;
        if (trace != TraceSink.NONE) {
            boolean whole = head.length == 0 && offset == 0 && length == body.length && tail == NO_TAIL;
            trace.outgoing(whole ? body : Arrays.copyOfRange(q, start, start + lineLength), lineLength);
        }
        return needed;
    }

    private void writeQueue() {
        synchronized (writing) {
            byte[] bytes;
            int length;
            synchronized (this) {
                if (queued == 0 || failed) {
                    return;
                }
                bytes = queue;
                length = queued;
                queue = spare != null ? spare : new byte[8 * 1024];
                spare = null;
                queued = 0;
                writingNow = true;
            }
            try {
                beforeWrite.run();
            } catch (RuntimeException e) {
                // reported by the hook; the lines still go out
            }
            try {
                out.write(bytes, 0, length);
                out.flush();
            } catch (IOException e) {
                synchronized (this) {
                    failed = true;
                    writingNow = false;
                    notifyAll();
                }
                return;
            }
            synchronized (this) {
                if (bytes.length <= RETAINED_BYTES) {
                    spare = bytes;
                }
                writingNow = false;
                if (queued == 0) {
                    notifyAll();
                }
            }
        }
    }

    private void flushLoop() {
        while (true) {
            synchronized (this) {
                long idleSince = System.nanoTime();
                while (queued == 0 || failed) {
                    long left = FLUSHER_IDLE_MILLIS - (System.nanoTime() - idleSince) / 1_000_000L;
                    if (left <= 0) {
                        flusher = null;
                        return;
                    }
                    flusherWaiting = true;
                    try {
                        wait(left);
                    } catch (InterruptedException e) {
                        flusher = null;
                        return;
                    } finally {
                        flusherWaiting = false;
                    }
                }
            }
            writeQueue();
            if (streaming()) {
                // Lines came while the last ones were written: a burst. Let more gather (asleep,
                // so no writer wakes this thread) and write them together.
                LockSupport.parkNanos(LINGER_NANOS);
            }
        }
    }

    /** Whether lines were queued while the last write went on (and not enough to write at once). */
    private synchronized boolean streaming() {
        return queued > 0 && queued < LINGER_BYTES && !failed;
    }

    private static UncheckedIOException closed() {
        return new UncheckedIOException(new IOException("output stream closed"));
    }
}
