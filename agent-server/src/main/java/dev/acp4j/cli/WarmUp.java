package dev.acp4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.protocol.session.NewSessionRequest;
import dev.acp4j.protocol.session.NewSessionResponse;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionConfigSelectOption;
import dev.acp4j.protocol.session.SessionConfigSelectOptions;
import dev.acp4j.protocol.session.SessionMode;
import dev.acp4j.protocol.session.SessionModeState;
import dev.acp4j.server.session.StoredSession;
import dev.acp4j.server.session.Timestamps;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * At launch, on a daemon thread (the second core), while the main thread answers the first
 * {@code initialize} and builds the server: creates the shared mapper, then does in memory, in the
 * order the first {@code session/new} needs them, what that request does for the first time —
 * databind learning its params, the session record and its result, the session id's random
 * source, the timestamp format — so that the editor's second request finds them ready. Nothing is
 * read, written or sent.
 */
final class WarmUp {

    private static final String NEW_SESSION_PARAMS = "{\"cwd\":\"/\",\"additionalDirectories\":[],"
            + "\"mcpServers\":[{\"name\":\"n\",\"command\":\"c\",\"args\":[],\"env\":[]},"
            + "{\"type\":\"http\",\"name\":\"n\",\"url\":\"http://127.0.0.1/\",\"headers\":[]}]}";

    private WarmUp() {
    }

    static void start() {
        Thread thread = new Thread(WarmUp::prepareQuietly, "acp4j-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepareQuietly() {
        try {
            prepareFirstSession();
        } catch (IOException | RuntimeException e) {
            // only time is at stake: the first session/new does the same work again
        }
    }

    /** The work, failing when a sample no longer binds (the warm-up would then be lost, silently). */
    static void prepareFirstSession() throws IOException {
        ObjectMapper mapper = Json.shared();
        mapper.readValue(NEW_SESSION_PARAMS, NewSessionRequest.class);
        String id = UUID.randomUUID().toString();
        String now = Timestamps.now(Clock.systemUTC());
        mapper.writeValueAsBytes(new StoredSession(id, "/", List.of(), null, now, now, "m", Map.of()));
        mapper.writeValueAsBytes(new NewSessionResponse(id,
                new SessionModeState("m", List.of(new SessionMode("m", "M", "d", null)), null),
                List.of(SessionConfigOption.select("o", "O", "v", SessionConfigSelectOptions.of(
                        List.of(new SessionConfigSelectOption("v", "V", "d", null))))),
                null));
    }
}
