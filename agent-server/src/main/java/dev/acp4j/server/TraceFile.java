package dev.acp4j.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.acp4j.jsonrpc.TraceSink;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --trace FILE}: one JSON object per line and message,
 * {@code {"ts":"<ISO-8601>","dir":"in"|"out","msg":<message>}}; an incoming line that is not
 * JSON is kept as {@code "raw":"<text>"} instead of {@code msg}.
 */
public final class TraceFile implements TraceSink, Closeable {

    private static final Logger log = LoggerFactory.getLogger(TraceFile.class);

    private final OutputStream out;
    private final JsonFactory factory = new JsonFactory();
    private boolean failed;

    private TraceFile(OutputStream out) {
        this.out = out;
    }

    public static TraceFile open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new TraceFile(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)));
    }

    @Override
    public void incoming(byte[] line, int length) {
        record("in", line, length);
    }

    @Override
    public void outgoing(byte[] line, int length) {
        record("out", line, length);
    }

    private synchronized void record(String direction, byte[] line, int length) {
        if (failed) {
            return;
        }
        try {
            try (JsonGenerator gen = factory.createGenerator(out)) {
                gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                gen.writeStartObject();
                gen.writeStringField("ts", Instant.now().toString());
                gen.writeStringField("dir", direction);
                if (isJson(line, length)) {
                    gen.writeFieldName("msg");
                    gen.writeRawValue(new String(line, 0, length, StandardCharsets.UTF_8));
                } else {
                    gen.writeStringField("raw", new String(line, 0, length, StandardCharsets.UTF_8));
                }
                gen.writeEndObject();
            }
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failed = true;
            log.warn("trace file disabled: {}", e.toString());
        }
    }

    private boolean isJson(byte[] line, int length) {
        try (JsonParser parser = factory.createParser(line, 0, length)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
