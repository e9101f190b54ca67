package dev.acp4j.server.session;

import dev.acp4j.protocol.session.SessionUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions kept for the life of the process only ({@code "sessionStore": "none"}). */
public final class MemorySessionStore implements SessionStore {

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<SessionUpdate>> conversations = new ConcurrentHashMap<>();

    @Override
    public void save(StoredSession session) {
        sessions.put(session.sessionId(), session);
    }

    @Override
    public void append(String sessionId, SessionUpdate update) {
        List<SessionUpdate> conversation = conversations.computeIfAbsent(sessionId, id -> new ArrayList<>());
        synchronized (conversation) {
            conversation.add(update);
        }
    }

    @Override
    public void appendSoon(String sessionId, SessionUpdate update, byte[] json, int offset, int length) {
        append(sessionId, update);
    }

    @Override
    public Optional<StoredSession> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<StoredSession> list() {
        List<StoredSession> all = new ArrayList<>(sessions.values());
        all.sort(SessionOrder.NEWEST_FIRST);
        return all;
    }

    @Override
    public List<SessionUpdate> conversation(String sessionId) {
        List<SessionUpdate> conversation = sessionId == null ? null : conversations.get(sessionId);
        if (conversation == null) {
            return List.of();
        }
        synchronized (conversation) {
            return List.copyOf(conversation);
        }
    }

    @Override
    public boolean delete(String sessionId) {
        conversations.remove(sessionId);
        return sessions.remove(sessionId) != null;
    }
}
