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

    /** One line read: its bytes, or the fact that it was longer than the limit. */
    public record Line(byte[] bytes, int length, boolean tooLong) {
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
    private byte[] line = new byte[8 * 1024];
    private boolean eof;

    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, without its terminator; {@code null} at end of stream. */
    public Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                if (eof || !fill()) {
                    eof = true;
                    if (length == 0 && !tooLong) {
                        return null;
                    }
                    return new Line(line, length, tooLong);
                }
            }
            int newline = indexOfNewline(chunk, chunkPos, chunkEnd);
            int end = newline < 0 ? chunkEnd : newline;
            int n = end - chunkPos;
            if (!tooLong) {
                if ((long) length + n > maxLineBytes) {
                    tooLong = true;
                    length = 0;
                } else {
                    ensureCapacity(length + n);
                    System.arraycopy(chunk, chunkPos, line, length, n);
                    length += n;
                }
            }
            chunkPos = end;
            if (newline >= 0) {
                chunkPos++;
                return new Line(line, length, tooLong);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            return false;
        }
        chunkPos = 0;
        chunkEnd = n;
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(needed, line.length * 2), maxLineBytes));
        }
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
