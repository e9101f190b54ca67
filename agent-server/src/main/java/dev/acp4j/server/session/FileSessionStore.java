package dev.acp4j.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.auth.store.PrivateFiles;
import dev.acp4j.protocol.session.SessionUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions on disk, one pair of files per session in one directory:
 * <ul>
 *   <li>{@code <id>.json}: the {@link StoredSession}, replaced atomically (a reader sees the old or
 *       the new file, never a part);</li>
 *   <li>{@code <id>.jsonl}: the conversation, one {@code SessionUpdate} per line, append-only. Each
 *       line is written by one {@code write} under an exclusive file lock, so that two processes
 *       appending to it never interleave; a line left torn by a process killed mid-write is
 *       ignored on read, and the next writer starts a fresh line after it.</li>
 * </ul>
 * The directory is {@code rwx------} and every file {@code rw-------} from creation. Nothing is
 * created before the first session is saved.
 */
public final class FileSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSessionStore.class);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String RECORD = ".json";
    private static final String CONVERSATION = ".jsonl";

    private final Path directory;
    private final ObjectMapper mapper;
    private final Map<String, Appender> appenders = new ConcurrentHashMap<>();
    private final Map<Path, CachedRecord> listCache = new ConcurrentHashMap<>();
    /** Appenders holding updates {@link #appendSoon} queued. */
    private final Set<Appender> waiting = ConcurrentHashMap.newKeySet();

    /**
     * A store in {@code directory}, created with the first saved session.
     *
     * @param directory where the session files go
     * @param mapper reads and writes the session files
     */
    public FileSessionStore(Path directory, ObjectMapper mapper) {
        this.directory = directory.toAbsolutePath();
        this.mapper = mapper;
    }

    /** {@return the store's directory (absolute)} */
    public Path directory() {
        return directory;
    }

    /**
     * Whether {@code sessionId} can name a stored session (it becomes a file name).
     *
     * @param sessionId the id to check
     * @return true for 1 to 128 letters, digits, '_' or '-'
     */
    public static boolean isValidId(String sessionId) {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches();
    }

    @Override
    public void save(StoredSession session) throws IOException {
        requireValid(session.sessionId());
        PrivateFiles.createDirectories(directory);
        PrivateFiles.writeAtomically(recordFile(session.sessionId()), mapper.writeValueAsBytes(session));
    }

    @Override
    public void append(String sessionId, SessionUpdate update) throws IOException {
        requireValid(sessionId);
        Appender appender = appender(sessionId);
        byte[] json = mapper.writeValueAsBytes(update);
        appender.queue(json, 0, json.length);
        appender.writeQueued();
    }

    @Override
    public void appendSoon(String sessionId, SessionUpdate update) throws IOException {
        requireValid(sessionId);
        Appender appender = appender(sessionId);
        byte[] json = mapper.writeValueAsBytes(update);
        if (appender.queue(json, 0, json.length)) {
            waiting.add(appender);
        }
    }

    @Override
    public void appendSoon(String sessionId, SessionUpdate update, byte[] json) throws IOException {
        appendSoon(sessionId, update, json, 0, json.length);
    }

    @Override
    public void appendSoon(String sessionId, SessionUpdate update, byte[] json, int offset, int length)
            throws IOException {
        Appender appender = appenders.get(sessionId); // an open one's id was checked when it was opened
        if (appender == null) {
            requireValid(sessionId);
            appender = appender(sessionId);
        }
        if (appender.queue(json, offset, length)) {
            waiting.add(appender);
        }
    }

    @Override
    public void flush() throws IOException {
        IOException failure = null;
        for (Appender appender : waiting) {
            waiting.remove(appender);
            try {
                appender.writeQueued();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Optional<StoredSession> find(String sessionId) throws IOException {
        if (!isValidId(sessionId)) {
            return Optional.empty();
        }
        return readRecord(recordFile(sessionId));
    }

    @Override
    public List<StoredSession> list() throws IOException {
        List<StoredSession> sessions = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return sessions;
        }
        Map<Path, CachedRecord> seen = new HashMap<>();
        try (DirectoryStream<Path> records = Files.newDirectoryStream(directory, "*" + RECORD)) {
            for (Path record : records) {
                CachedRecord cached = cachedRecord(record);
                if (cached != null) {
                    seen.put(record, cached);
                    cached.session().ifPresent(sessions::add);
                }
            }
        }
        listCache.keySet().retainAll(seen.keySet());
        sessions.sort(SessionOrder.NEWEST_FIRST);
        return sessions;
    }

    /**
     * A record as last read, valid while the file is the same one: an atomic replace makes a new
     * file (another file key), so a page of {@code session/list} after the first reads only what
     * changed instead of every record again.
     */
    private record CachedRecord(Object fileKey, long size, FileTime modified, Optional<StoredSession> session) {
        boolean matches(BasicFileAttributes attributes) {
            return fileKey != null && fileKey.equals(attributes.fileKey()) && size == attributes.size()
                    && modified.equals(attributes.lastModifiedTime());
        }
    }

    private CachedRecord cachedRecord(Path record) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(record, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // deleted meanwhile
        }
        CachedRecord cached = listCache.get(record);
        if (cached == null || !cached.matches(attributes)) {
            cached = new CachedRecord(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(),
                    readRecord(record));
            listCache.put(record, cached);
        }
        return cached;
    }

    @Override
    public List<SessionUpdate> conversation(String sessionId) throws IOException {
        if (!isValidId(sessionId)) {
            return List.of();
        }
        Appender open = appenders.get(sessionId);
        if (open != null) {
            open.writeQueued();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(conversationFile(sessionId));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<SessionUpdate> updates = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            boolean complete = end >= 0;
            int stop = complete ? end : bytes.length;
            lineNumber++;
            if (stop > start) {
                try {
                    updates.add(mapper.readValue(bytes, start, stop - start, SessionUpdate.class));
                } catch (IOException e) {
                    if (complete) {
                        LOG.warn("Session {}: line {} of its conversation is damaged and skipped ({})",
                                sessionId, lineNumber, e.getClass().getSimpleName());
                    } else {
                        LOG.debug("Session {}: ignoring the torn last line of its conversation", sessionId);
                    }
                }
            }
            start = stop + 1;
        }
        return updates;
    }

    @Override
    public boolean delete(String sessionId) throws IOException {
        if (!isValidId(sessionId)) {
            return false;
        }
        release(sessionId);
        boolean conversation = Files.deleteIfExists(conversationFile(sessionId));
        boolean record = Files.deleteIfExists(recordFile(sessionId));
        return record || conversation;
    }

    @Override
    public void release(String sessionId) {
        Appender appender = appenders.remove(sessionId);
        if (appender != null) {
            waiting.remove(appender);
            try {
                appender.writeQueued();
            } catch (IOException e) {
                LOG.warn("Session {}: updates could not be recorded: {}", sessionId, e.toString());
            }
            appender.close();
        }
    }

    @Override
    public void close() {
        appenders.keySet().forEach(this::release);
    }

    private Optional<StoredSession> readRecord(Path record) {
        try {
            return Optional.of(mapper.readValue(Files.readAllBytes(record), StoredSession.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            LOG.warn("Session record {} is damaged and ignored ({})", record.getFileName(), e.getClass().getSimpleName());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Session record {} cannot be read: {}", record.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    private Appender appender(String sessionId) throws IOException {
        try {
            return appenders.computeIfAbsent(sessionId, id -> {
                try {
                    PrivateFiles.createDirectories(directory);
                    return new Appender(conversationFile(id));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path recordFile(String sessionId) {
        return directory.resolve(sessionId + RECORD);
    }

    private Path conversationFile(String sessionId) {
        return directory.resolve(sessionId + CONVERSATION);
    }

    private static void requireValid(String sessionId) {
        if (!isValidId(sessionId)) {
            throw new IllegalArgumentException("not a storable session id");
        }
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The open conversation file of one session: appends whole lines under an exclusive lock. */
    private static final class Appender {
        private final FileChannel writer;
        private final FileChannel reader;
        private long end = -1;

        Appender(Path file) throws IOException {
            this.writer = PrivateFiles.open(file, PrivateFiles.Existing.APPEND);
            FileChannel opened;
            try {
                opened = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                writer.close();
                throw e;
            }
            this.reader = opened;
        }

        /** Lines waiting for {@link #writeQueued}, each ending with a newline. */
        private byte[] queue = new byte[4 * 1024];
        private int queued;

        /**
         * Queues one line; true when the queue was empty before it, so the caller lists this
         * appender as waiting (a non-empty queue is listed already, or being written by a flush
         * that will take this line too: both happen under this lock).
         */
        synchronized boolean queue(byte[] json, int offset, int length) {
            boolean first = queued == 0;
            int needed = queued + length + 1;
            if (needed > queue.length) {
                queue = Arrays.copyOf(queue, Math.max(needed, queue.length * 2));
            }
            System.arraycopy(json, offset, queue, queued, length);
            queue[needed - 1] = '\n';
            queued = needed;
            return first;
        }

        /** Writes every queued line with one write under the lock; lines that fail to be written are dropped. */
        synchronized void writeQueued() throws IOException {
            if (queued == 0) {
                return;
            }
            try (FileLock ignored = writer.lock()) {
                long size = writer.size();
                // Only a file another writer touched since our last line can end in a torn one.
                if (size != end && size > 0 && !endsWithNewline(size)) {
                    writeFully(new byte[] {'\n'}, 1);
                    size++;
                }
                writeFully(queue, queued);
                end = size + queued;
            } finally {
                queued = 0;
                if (queue.length > 1024 * 1024) {
                    queue = new byte[4 * 1024];
                }
            }
        }

        private boolean endsWithNewline(long size) throws IOException {
            ByteBuffer last = ByteBuffer.allocate(1);
            return reader.read(last, size - 1) == 1 && last.get(0) == '\n';
        }

        private void writeFully(byte[] bytes, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
            while (buffer.hasRemaining()) {
                writer.write(buffer);
            }
        }

        synchronized void close() {
            try {
                writer.close();
                reader.close();
            } catch (IOException e) {
                LOG.debug("Closing a conversation file failed: {}", e.toString());
            }
        }
    }
}
