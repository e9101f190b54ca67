package dev.acp4j.server.session;

import dev.acp4j.jsonrpc.Json;
import dev.acp4j.protocol.session.SessionUpdate;
import java.nio.file.Path;

/** Child-process half of the store tests: {@code DIRECTORY SESSION_ID PREFIX COUNT}. */
public final class SessionStoreWriterMain {

    private SessionStoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FileSessionStore store = new FileSessionStore(Path.of(args[0]), Json.shared())) {
            String sessionId = args[1];
            store.save(new StoredSession(sessionId, "/tmp", null, args[2], "2026-01-01T00:00:00.000Z",
                    "2026-01-01T00:00:00.000Z", null, null));
            int count = Integer.parseInt(args[3]);
            for (int i = 0; i < count; i++) {
                store.append(sessionId, SessionUpdate.agentMessage(args[2] + "-" + i));
            }
        }
    }
}
