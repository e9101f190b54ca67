package dev.acp4j.jsonrpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * A stream's first line, read before whatever reads the rest exists: the bytes up to the first
 * newline (and the few read past it), kept so that nothing is lost for the next reader.
 */
public final class FirstLine {

    private final InputStream in;
    private final byte[] bytes;
    private final int read;
    private final int length;
    private final IOException failure;

    private FirstLine(InputStream in, byte[] bytes, int read, int length, IOException failure) {
        this.in = in;
        this.bytes = bytes;
        this.read = read;
        this.length = length;
        this.failure = failure;
    }

    /**
     * Reads up to the first newline, or {@code maxBytes}, or the end of the stream.
     *
     * @param in the stream
     * @param maxBytes at most this many bytes are read looking for the newline
     * @return what was read
     */
    public static FirstLine read(InputStream in, int maxBytes) {
        byte[] buffer = new byte[Math.min(8 * 1024, maxBytes)];
        int read = 0;
        int newline = -1;
        IOException failure = null;
        try {
            while (newline < 0 && read < maxBytes) {
                if (read == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBytes));
                }
                int n = in.read(buffer, read, buffer.length - read);
                if (n < 0) {
                    break;
                }
                for (int i = read; i < read + n; i++) {
                    if (buffer[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                read += n;
            }
        } catch (IOException e) {
            failure = e;
        }
        return new FirstLine(in, buffer, read, newline, failure);
    }

    /** {@return whether a whole line (up to its newline) was read, without a failure} */
    public boolean isWhole() {
        return failure == null && length >= 0;
    }

    /** {@return the line's length without its newline; -1 when it is not whole} */
    public int length() {
        return isWhole() ? length : -1;
    }

    /** {@return the buffer: the line from index 0 to {@link #length()}, then what was read past it} */
    byte[] buffer() {
        return bytes;
    }

    /**
     * The line's bytes.
     *
     * @return a copy, without the newline; empty when it is not whole
     */
    public byte[] line() {
        return isWhole() ? Arrays.copyOf(bytes, length) : new byte[0];
    }

    /**
     * Whether the line is {@code expected} (without its newline).
     *
     * @param expected bytes to compare with
     * @param from where the compared part of the line starts
     * @param to where it ends
     * @param expectedFrom where the compared part of {@code expected} starts
     * @return true when the line holds those bytes there
     */
    public boolean regionEquals(int from, int to, byte[] expected, int expectedFrom) {
        return isWhole() && from >= 0 && to <= length
                && Arrays.equals(bytes, from, to, expected, expectedFrom, expectedFrom + to - from);
    }

    /**
     * Copies part of the line.
     *
     * @param from the first byte
     * @param to after the last byte
     * @return the bytes
     */
    public byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /**
     * What the next reader is to read: the line (unless {@code skipLine}), what was read past it,
     * then the rest of the stream; a read failure is thrown again there.
     *
     * @param skipLine leave the line and its newline out (it was answered)
     * @return the stream
     */
    public InputStream remaining(boolean skipLine) {
        int from = skipLine && isWhole() ? length + 1 : 0;
        InputStream unread = new ByteArrayInputStream(bytes, from, read - from);
        InputStream rest = failure == null ? in : new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw failure;
            }
        };
        return new SequenceInputStream(unread, rest);
    }
}
