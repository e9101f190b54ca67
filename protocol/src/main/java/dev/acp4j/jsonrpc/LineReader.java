package dev.acp4j.jsonrpc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into newline-terminated lines without decoding them (the JSON parser
 * reads UTF-8 bytes itself and reports invalid sequences). A line longer than the limit is
 * skipped up to its newline without being buffered, so a hostile peer cannot grow memory.
 */
public final class LineReader {

    /**
     * One line read: its bytes, or the fact that it was longer than the limit, or that the
     * memory to hold it ran out ({@code length} is then how far it got).
     *
     * @param bytes the buffer holding the line
     * @param length how many bytes of {@code bytes} are the line
     * @param tooLong whether the line was longer than the limit (its bytes were skipped)
     * @param outOfMemory whether the memory to hold it ran out
     */
    public record Line(byte[] bytes, int length, boolean tooLong, boolean outOfMemory) {

        /**
         * A line that did not run out of memory.
         *
         * @param bytes the buffer holding the line
         * @param length how many bytes of {@code bytes} are the line
         * @param tooLong whether the line was longer than the limit
         */
        public Line(byte[] bytes, int length, boolean tooLong) {
            this(bytes, length, tooLong, false);
        }

        /** {@return whether the line holds only spaces, tabs and carriage returns} */
        public boolean isBlank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    /** A buffer grown past this for one long line is dropped before the next line. */
    private static final int RETAINED_BYTES = 1024 * 1024;
    private static final int INITIAL_BYTES = 8 * 1024;

    private byte[] line = new byte[INITIAL_BYTES];
    private boolean eof;

    /**
     * A reader of {@code in}.
     *
     * @param in the input
     * @param maxLineBytes the longest line kept, in bytes
     */
    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line, without its terminator; {@code null} at end of stream.
     *
     * @return the line, or null
     * @throws IOException when the input fails
     */
    public Line next() throws IOException {
        if (line.length > RETAINED_BYTES) {
            line = new byte[INITIAL_BYTES];
        }
        int length = 0;
        boolean tooLong = false;
        int outOfMemoryAt = -1;
        while (true) {
            if (chunkPos == chunkEnd) {
                if (eof || !fill()) {
                    eof = true;
                    if (length == 0 && !tooLong) {
                        return null;
                    }
                    return done(length, tooLong, outOfMemoryAt);
                }
            }
            int newline = indexOfNewline(chunk, chunkPos, chunkEnd);
            int end = newline < 0 ? chunkEnd : newline;
            int n = end - chunkPos;
            if (!tooLong) {
                if ((long) length + n > maxLineBytes) {
                    tooLong = true;
                    length = 0;
                } else if (ensureCapacity(length + n)) {
                    System.arraycopy(chunk, chunkPos, line, length, n);
                    length += n;
                } else {
                    tooLong = true;
                    outOfMemoryAt = length + n;
                    length = 0;
                }
            }
            chunkPos = end;
            if (newline >= 0) {
                chunkPos++;
                return done(length, tooLong, outOfMemoryAt);
            }
        }
    }

    /**
     * How long a read that finds nothing waits for input by polling before it blocks: a client
     * that sends its next request right after reading an answer (tens of microseconds later)
     * finds the thread awake, instead of paying the wake-up of a sleeping thread (on a VM, often
     * more than the whole round trip's work). Bounded, so an idle connection costs nothing more.
     */
    static final long SPIN_NANOS = 50_000;

    private boolean fill() throws IOException {
        awaitInputBriefly();
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            return false;
        }
        chunkPos = 0;
        chunkEnd = n;
        return true;
    }

    private void awaitInputBriefly() {
        long until = System.nanoTime() + SPIN_NANOS;
        try {
            while (in.available() <= 0 && System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            // a stream that cannot tell: the read below blocks, as it would have
        }
    }

    private Line done(int length, boolean tooLong, int outOfMemoryAt) {
        return outOfMemoryAt >= 0 ? new Line(line, outOfMemoryAt, true, true) : new Line(line, length, tooLong);
    }

    /** False when the heap cannot hold the line: it is then skipped like a line over the limit. */
    private boolean ensureCapacity(int needed) {
        if (needed > line.length) {
            int size = (int) Math.min(Math.max(needed, line.length * 2L), maxLineBytes);
            try {
                line = Arrays.copyOf(line, size);
            } catch (OutOfMemoryError e) {
                line = new byte[INITIAL_BYTES];
                return false;
            }
        }
        return true;
    }

    private static int indexOfNewline(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
