package dev.acp4j.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.acp4j.auth.store.PrivateFiles;
import dev.acp4j.jsonrpc.TraceSink;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /**
     * Opens {@code file}, replacing its content: a new file is owner-only ({@code 0600}, in new
     * {@code 0700} directories) from its creation, since the trace holds prompts and file
     * contents; a symbolic link at {@code file} is refused, never written through.
     *
     * @param file where the trace goes
     * @return the open trace
     * @throws CannotOpenException naming the file and the cause
     */
    public static TraceFile open(Path file) throws CannotOpenException {
        try {
            boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            FileChannel channel = PrivateFiles.open(file, PrivateFiles.Existing.TRUNCATE);
            if (existed && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && PrivateFiles.isOpenToOthers(file)) {
                log.warn("trace file {} can be read by other users; it will record prompts and file contents "
                        + "(chmod 600 it, or remove it so that acp4j creates it owner-only)", file);
            }
            return new TraceFile(new BufferedOutputStream(Channels.newOutputStream(channel)));
        } catch (IOException e) {
            throw new CannotOpenException(file, e);
        }
    }

    /** The trace file cannot be created or opened; the message names the file and why. */
    public static final class CannotOpenException extends IOException {
        private static final long serialVersionUID = 1L;

        CannotOpenException(Path file, IOException cause) {
            super((Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "cannot open trace file " : "cannot create trace file ")
                    + file + ": " + reason(file, cause), cause);
        }

        private static String reason(Path file, IOException cause) {
            String where = cause instanceof FileSystemException fs && fs.getFile() != null
                    && !Path.of(fs.getFile()).equals(file) ? " (" + fs.getFile() + ")" : "";
            if (cause instanceof NoSuchFileException) {
                return "no such directory" + where;
            }
            if (cause instanceof AccessDeniedException) {
                return "permission denied" + where;
            }
            if (cause instanceof FileSystemException fs && fs.getReason() != null) {
                String reason = fs.getReason();
                return Character.toLowerCase(reason.charAt(0)) + reason.substring(1) + where;
            }
            return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
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
