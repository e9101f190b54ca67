package dev.acp4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.server.session.SessionStore;
import dev.acp4j.server.session.SessionStores;
import dev.acp4j.server.session.StoredSession;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes sessions to the store, opened on first use (no store class loads before a session
 * method needs one). A failing write is logged (never its
 * content) and the session goes on in memory: a full disk must not end the user's turn.
 */
final class SessionRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

    private final String configured;
    private final Map<String, String> env;
    private final String agentName;
    private final ObjectMapper mapper;
    private volatile SessionStore store;

    /** See {@link SessionStores#open}. */
    SessionRecorder(String configured, Map<String, String> env, String agentName, ObjectMapper mapper) {
        this.configured = configured;
        this.env = env;
        this.agentName = agentName;
        this.mapper = mapper;
    }

    SessionStore store() {
        SessionStore current = store;
        if (current == null) {
            synchronized (this) {
                if (store == null) {
                    store = SessionStores.open(configured, env, agentName, mapper);
                }
                current = store;
            }
        }
        return current;
    }

    void save(StoredSession session) {
        try {
            store().save(session);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Session {}: could not be saved: {}", session.sessionId(), e.toString());
        }
    }

    /** Records an update; it is written by the next {@link #flush}, before any line after it reaches the client. */
    void append(String sessionId, SessionUpdate update) {
        try {
            store().appendSoon(sessionId, update);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Session {}: an update could not be recorded: {}", sessionId, e.toString());
        }
    }

    /** As {@link #append(String, SessionUpdate)}, with the update already serialized as {@code json}. */
    void append(String sessionId, SessionUpdate update, byte[] json) {
        try {
            store().appendSoon(sessionId, update, json);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Session {}: an update could not be recorded: {}", sessionId, e.toString());
        }
    }

    /** As {@link #append(String, SessionUpdate, byte[])}, the JSON being {@code length} bytes of {@code json} from {@code offset}. */
    void append(String sessionId, SessionUpdate update, byte[] json, int offset, int length) {
        try {
            store().appendSoon(sessionId, update, json, offset, length);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Session {}: an update could not be recorded: {}", sessionId, e.toString());
        }
    }

    /** Writes the updates recorded so far (the connection runs it before each write to the client). */
    void flush() {
        SessionStore current = store;
        if (current != null) {
            try {
                current.flush();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Sessions: updates could not be recorded: {}", e.toString());
            }
        }
    }

    /** Closes the store if it was ever opened. */
    void close() {
        SessionStore current = store;
        if (current != null) {
            current.close();
        }
    }
}
