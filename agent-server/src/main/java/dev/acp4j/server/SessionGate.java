package dev.acp4j.server;

import dev.acp4j.auth.RequestGate;
import dev.acp4j.jsonrpc.RequestContext;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.server.session.SessionStore;
import dev.acp4j.server.session.StoredSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Admits the session methods that need credentials: asks which providers the request needs
 * ({@link ProviderRequirements}) and lets the {@link RequestGate} decide. The session's values the
 * agent may look at are read only when it does.
 */
final class SessionGate {

    private final RequestGate gate;
    private final ProviderRequirements requirements;
    private final ClientState client;
    private final Supplier<SessionSettings> settings;
    private final Supplier<SessionStore> store;

    SessionGate(RequestGate gate, ProviderRequirements requirements, ClientState client,
                Supplier<SessionSettings> settings, Supplier<SessionStore> store) {
        this.gate = gate;
        this.requirements = requirements;
        this.client = client;
        this.settings = settings;
        this.store = store;
    }

    /** {@code session/new}: the session as it will start, with the default mode and option values. */
    void admitNew(String cwd, List<String> directories, List<McpServer> servers, Map<String, Object> meta,
                  RequestContext context) {
        admit(AcpMethods.SESSION_NEW, null, cwd, directories, servers, List.of(), meta, () -> draft(cwd), context);
    }

    /** {@code session/load} and {@code session/resume}: the stored session's values (the defaults for one not stored). */
    void admitStored(String method, String sessionId, String cwd, List<String> directories, List<McpServer> servers,
                     Map<String, Object> meta, RequestContext context) {
        admit(method, sessionId, cwd, directories, servers, List.of(), meta, () -> stored(sessionId, cwd), context);
    }

    /** A prompt turn, with the session's current values; returns the providers it was admitted for. */
    List<String> admitPrompt(Session session, List<ContentBlock> prompt, Map<String, Object> meta, RequestContext context) {
        return admit(AcpMethods.SESSION_PROMPT, session.id(), session.cwd().toString(), session.state().additionalDirectories(),
                session.mcpServers(), prompt, meta, session::state, context);
    }

    private List<String> admit(String method, String sessionId, String cwd, List<String> directories,
                               List<McpServer> servers, List<ContentBlock> prompt, Map<String, Object> meta,
                               Supplier<StoredSession> state, RequestContext context) {
        GatedRequest request = new GatedRequest(method, sessionId, cwd, directories, servers, prompt, meta,
                settings.get(), client.supportsBooleanConfigOptions(), state);
        List<String> providers = requirements.of(request);
        gate.admit(method, context, providers);
        return providers;
    }

    private StoredSession stored(String sessionId, String cwd) {
        if (sessionId != null) {
            try {
                return store.get().find(sessionId).orElseGet(() -> draft(cwd));
            } catch (IOException e) {
                // the request itself reports the store's failure once admitted
            }
        }
        return draft(cwd);
    }

    private StoredSession draft(String cwd) {
        return new StoredSession("(new)", cwd == null ? "" : cwd, List.of(), null, "", "",
                settings.get().defaultModeId(), Map.of());
    }
}
