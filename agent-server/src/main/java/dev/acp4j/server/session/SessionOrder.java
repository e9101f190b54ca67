package dev.acp4j.server.session;

import java.util.Comparator;

/** The order of {@code session/list}: the most recently updated first, ties by id. */
final class SessionOrder {

    static final Comparator<StoredSession> NEWEST_FIRST = Comparator
            .comparing(StoredSession::updatedAt, Comparator.reverseOrder())
            .thenComparing(StoredSession::sessionId);

    private SessionOrder() {
    }
}
