package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connection's first line, read and answered before the machinery that serves the rest exists
 * (the mapper, the method table): an editor waits for the answer to its first request, usually
 * {@code initialize}, and everything else can be built while it reads it. Only a plain request
 * (valid UTF-8, plain JSON as {@link TreeReader} reads it, a string or integer id, object params,
 * within the line limit) is offered; for anything else, or when the answer cannot be written
 * without the mapper, the line is left in {@link #remaining()} for the connection, which
 * answers it as it always does. An answer written here is byte for byte the connection's.
 */
public final class FirstRequest {

    /** A first line longer than this is left to the connection (an {@code initialize} is far shorter). */
    static final int MAX_BYTES = 64 * 1024;

    /** Writes a result value; may fail with {@link IllegalStateException} when it needs the mapper. */
    @FunctionalInterface
    public interface ResultWriter {
        /**
         * Writes the value.
         *
         * @param g the generator, positioned where the result value goes
         * @throws IOException when the generator fails
         */
        void write(JsonGenerator g) throws IOException;
    }

    private final FirstLine first;
    private final byte[] bytes;
    private final int lineLength;
    private JsonNode id;
    private String method;
    private JsonNode params;
    private boolean answered;

    private FirstRequest(FirstLine first) {
        this.first = first;
        this.bytes = first.buffer();
        this.lineLength = first.length();
    }

    /**
     * Reads up to the first newline (a few more bytes may be read, and are kept for {@link #remaining()}).
     *
     * @param in the peer's messages
     * @param maxLineBytes the connection's line limit: a longer line is left to the connection
     * @return the first line, read
     */
    public static FirstRequest read(InputStream in, int maxLineBytes) {
        FirstRequest first = new FirstRequest(FirstLine.read(in, MAX_BYTES));
        if (first.lineLength >= 0 && first.lineLength <= maxLineBytes) {
            first.parse();
        }
        return first;
    }

    private void parse() {
        if (Utf8.firstInvalid(bytes, 0, lineLength) >= 0) {
            return;
        }
        JsonNode node = TreeReader.read(bytes, 0, lineLength);
        if (node == null || !node.isObject()) {
            return;
        }
        JsonNode rawId = node.get("id");
        JsonNode version = node.get("jsonrpc");
        JsonNode rawMethod = node.get("method");
        JsonNode rawParams = node.get("params");
        if (rawId == null || !(rawId.isTextual() || rawId.isInt() || rawId.isLong())
                || version == null || !MessageEncoder.VERSION.equals(version.textValue())
                || rawMethod == null || !rawMethod.isTextual()
                || rawParams == null || !rawParams.isObject()) {
            return;
        }
        this.id = rawId;
        this.method = rawMethod.textValue();
        this.params = rawParams;
    }

    /**
     * Whether the first line is a plain request for {@code name}.
     *
     * @param name a method name
     * @return whether it is that request
     */
    public boolean isRequest(String name) {
        return method != null && method.equals(name);
    }

    /** {@return the request's params (an object), when {@link #isRequest} is true} */
    public JsonNode params() {
        return params;
    }

    /**
     * The answer line the connection would write (without its newline), not written.
     *
     * @param result writes the answer's result value
     * @return the line, or null when {@code result} could not be written without the mapper
     */
    public byte[] encodeAnswer(ResultWriter result) {
        if (method == null || answered) {
            throw new IllegalStateException("no request to answer");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = TreeReader.factory().createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("jsonrpc", MessageEncoder.VERSION);
            g.writeFieldName("id");
            if (id.isTextual()) {
                g.writeString(id.textValue());
            } else {
                g.writeNumber(id.longValue());
            }
            g.writeFieldName("result");
            result.write(g);
            g.writeEndObject();
        } catch (IOException | IllegalStateException e) {
            return null;
        }
        return buffer.toByteArray();
    }

    /**
     * Writes {@code answerLine} and a newline, flushes, and takes the first line out of {@link #remaining()}.
     *
     * @param out the peer's output
     * @param trace sees the request and the answer, as the connection's trace would
     * @param answerLine the answer, e.g. from {@link #encodeAnswer}
     */
    public void send(OutputStream out, TraceSink trace, byte[] answerLine) {
        markAnswered(trace);
        try {
            out.write(answerLine);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // as the connection's writer: the peer stopped reading; the connection finds out on its next write
            return;
        }
        trace.outgoing(answerLine, answerLine.length);
    }

    /**
     * Takes the first line out of {@link #remaining()} without writing anything: it was answered
     * with {@code answerLine} before this read it (by a launcher that knew the answer).
     *
     * @param trace sees the request and the answer, as the connection's trace would
     * @param answerLine the answer already written
     */
    public void alreadyAnswered(TraceSink trace, byte[] answerLine) {
        markAnswered(trace);
        trace.outgoing(answerLine, answerLine.length);
    }

    private void markAnswered(TraceSink trace) {
        if (answered || lineLength < 0) {
            throw new IllegalStateException("no line to answer");
        }
        answered = true;
        trace.incoming(bytes, lineLength);
    }

    /** {@return the first line's bytes, without its newline; empty when there was no whole line} */
    public byte[] line() {
        return first.line();
    }

    /** {@return what the connection is to read: everything not answered here, then the rest of the input} */
    public InputStream remaining() {
        return first.remaining(answered);
    }
}
