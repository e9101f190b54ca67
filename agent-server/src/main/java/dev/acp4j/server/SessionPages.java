package dev.acp4j.server;

import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.server.session.StoredSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code session/list} pages: sessions newest first, {@value #PAGE_SIZE} at a time. A cursor names
 * the last session of the previous page (its {@code updatedAt} and id), so a page stays right when
 * sessions are added or deleted between requests.
 */
final class SessionPages {

    static final int PAGE_SIZE = 50;

    private SessionPages() {
    }

    record Page(List<StoredSession> sessions, String nextCursor) {
    }

    /** @param sessions all matching sessions, newest first */
    static Page page(List<StoredSession> sessions, String cursor) {
        int start = 0;
        if (cursor != null) {
            String[] after = decode(cursor);
            while (start < sessions.size() && !isAfter(sessions.get(start), after[0], after[1])) {
                start++;
            }
        }
        int end = Math.min(sessions.size(), start + PAGE_SIZE);
        List<StoredSession> page = List.copyOf(sessions.subList(start, end));
        String next = end < sessions.size() ? encode(page.get(page.size() - 1)) : null;
        return new Page(page, next);
    }

    /** Whether {@code session} comes after the cursor's position in newest-first order. */
    private static boolean isAfter(StoredSession session, String updatedAt, String sessionId) {
        int byTime = session.updatedAt().compareTo(updatedAt);
        return byTime < 0 || byTime == 0 && session.sessionId().compareTo(sessionId) > 0;
    }

    private static String encode(StoredSession last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.updatedAt() + "\n" + last.sessionId()).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new JsonRpcException(JsonRpcError.invalidParams("field 'cursor' is not a cursor this agent returned"));
    }
}
