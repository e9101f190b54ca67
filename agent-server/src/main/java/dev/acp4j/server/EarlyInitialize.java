package dev.acp4j.server;

import dev.acp4j.jsonrpc.FirstRequest;
import dev.acp4j.jsonrpc.TraceSink;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.initialization.InitializeCodec;
import dev.acp4j.protocol.initialization.InitializeRequest;
import dev.acp4j.protocol.initialization.InitializeResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Answers a launch's first line, when it is a plain {@code initialize}, before the mapper, the
 * auth subsystem and the session service exist: that answer is what an editor waits for, and
 * the rest is built while it reads it. The answer is the one the connection would write, byte
 * for byte; any other first line, or params the codec leaves to databind, is left to the connection.
 * When the launcher has already answered the line ({@link FirstAnswerRecord}), nothing is written
 * again: the request still sets what the client is, and the record learns whether it was right.
 */
final class EarlyInitialize {

    private EarlyInitialize() {
    }

    /** Answers the first line if it can; returns what the connection is to read. */
    static InputStream answerFirstLine(Initialization initialization, InputStream in, OutputStream out,
                                       int maxLineBytes, TraceSink trace, FirstAnswerRecord record) {
        FirstRequest first = FirstRequest.read(in, maxLineBytes);
        byte[] sent = record == null ? null : record.sentBeforeServing();
        byte[] line = null;
        if (first.isRequest(AcpMethods.INITIALIZE)) {
            InitializeRequest request = InitializeCodec.readRequest(first.params());
            if (request != null) {
                InitializeResponse response = initialization.answer(request);
                line = first.encodeAnswer(g -> InitializeCodec.writeResponse(g, response));
            }
        }
        if (sent != null) {
            // never a second answer to the same request
            first.alreadyAnswered(trace, sent);
            if (line == null || !Arrays.equals(line, sent)) {
                record.outOfDate(first.line());
            }
        } else if (line != null) {
            first.send(out, trace, line);
            if (record != null) {
                record.answered(first.line(), line);
            }
        }
        return first.remaining();
    }
}
