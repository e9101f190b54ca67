package dev.acp4j.server.session;

import dev.acp4j.protocol.session.SessionUpdate;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions and their conversations are kept: on disk ({@link FileSessionStore}) or, with
 * {@code "sessionStore": "none"}, in memory for the life of the process ({@link MemorySessionStore}).
 * Safe for concurrent use by the threads of one process; the file store is safe across processes.
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Records a new session, or replaces what is kept of an existing one (not its conversation).
     *
     * @param session what to keep
     * @throws IOException when the store cannot be written
     */
    void save(StoredSession session) throws IOException;

    /**
     * Appends one update to the session's conversation.
     *
     * @param sessionId the session
     * @param update the update to append
     * @throws IOException when the store cannot be written
     */
    void append(String sessionId, SessionUpdate update) throws IOException;

    /**
     * The session, or empty when it is unknown (never stored, deleted, or not a valid id).
     *
     * @param sessionId the session
     * @return the stored session, if any
     * @throws IOException when the store cannot be read
     */
    Optional<StoredSession> find(String sessionId) throws IOException;

    /**
     * Every stored session, newest first (by {@code updatedAt}, then id).
     *
     * @return the sessions
     * @throws IOException when the store cannot be read
     */
    List<StoredSession> list() throws IOException;

    /**
     * The session's conversation in the order it was appended; empty for an unknown session.
     *
     * @param sessionId the session
     * @return the updates, oldest first
     * @throws IOException when the store cannot be read
     */
    List<SessionUpdate> conversation(String sessionId) throws IOException;

    /**
     * Forgets the session and its conversation; false when it was not stored.
     *
     * @param sessionId the session
     * @return whether the session was stored
     * @throws IOException when the store cannot be written
     */
    boolean delete(String sessionId) throws IOException;

    /**
     * Releases what is held open for {@code sessionId} (it stays stored).
     *
     * @param sessionId the session
     */
    default void release(String sessionId) {
    }

    /** Releases everything held open. */
    @Override
    default void close() {
    }

    /**
     * As {@link #append}, except that the update may wait in memory until {@link #flush}, which
     * writes every waiting update of a session at once; {@link #conversation}, {@link #release}
     * and {@link #close} write them first. By default it appends at once.
     *
     * @param sessionId the session
     * @param update the update, as sent to the client
     * @throws IOException when the store cannot be written
     */
    default void appendSoon(String sessionId, SessionUpdate update) throws IOException {
        append(sessionId, update);
    }

    /**
     * As {@link #appendSoon(String, SessionUpdate)}, with the update already serialized by the
     * shared mapper ({@code json}, which a store that writes JSON may use as it is).
     *
     * @param sessionId the session
     * @param update the update, as sent to the client
     * @param json the update as the shared mapper writes it
     * @throws IOException when the store cannot be written
     */
    default void appendSoon(String sessionId, SessionUpdate update, byte[] json) throws IOException {
        appendSoon(sessionId, update);
    }

    /**
     * As {@link #appendSoon(String, SessionUpdate, byte[])}, with the update's JSON the
     * {@code length} bytes of {@code json} from {@code offset}. The bytes are copied (or not used)
     * before this returns: the caller reuses its buffer.
     *
     * @param sessionId the session
     * @param update the update, as sent to the client
     * @param json holds the update as the shared mapper writes it
     * @param offset where it starts
     * @param length how many bytes it is
     * @throws IOException when the store cannot be written
     */
    default void appendSoon(String sessionId, SessionUpdate update, byte[] json, int offset, int length)
            throws IOException {
        appendSoon(sessionId, update, java.util.Arrays.copyOfRange(json, offset, offset + length));
    }

    /**
     * Writes every update {@link #appendSoon} left waiting.
     *
     * @throws IOException when the store cannot be written
     */
    default void flush() throws IOException {
    }
}
