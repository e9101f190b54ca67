package dev.acp4j.server;

import dev.acp4j.auth.CredentialResolver;
import dev.acp4j.auth.RequestGate;
import dev.acp4j.auth.SessionSignIn;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.jsonrpc.EchoedText;
import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.jsonrpc.MethodTable;
import dev.acp4j.jsonrpc.RequestContext;
import dev.acp4j.mcp.McpServers;
import dev.acp4j.protocol.AcpErrorCodes;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.mcp.McpServer;
import dev.acp4j.protocol.session.CancelNotification;
import dev.acp4j.protocol.session.CloseSessionRequest;
import dev.acp4j.protocol.session.CloseSessionResponse;
import dev.acp4j.protocol.session.DeleteSessionRequest;
import dev.acp4j.protocol.session.DeleteSessionResponse;
import dev.acp4j.protocol.session.ListSessionsRequest;
import dev.acp4j.protocol.session.ListSessionsResponse;
import dev.acp4j.protocol.session.LoadSessionRequest;
import dev.acp4j.protocol.session.LoadSessionResponse;
import dev.acp4j.protocol.session.NewSessionRequest;
import dev.acp4j.protocol.session.NewSessionResponse;
import dev.acp4j.protocol.session.PromptRequest;
import dev.acp4j.protocol.session.PromptResponse;
import dev.acp4j.protocol.session.ResumeSessionRequest;
import dev.acp4j.protocol.session.ResumeSessionResponse;
import dev.acp4j.protocol.session.SessionConfigOption;
import dev.acp4j.protocol.session.SessionInfo;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.SetSessionConfigOptionRequest;
import dev.acp4j.protocol.session.SetSessionConfigOptionResponse;
import dev.acp4j.protocol.session.SetSessionModeRequest;
import dev.acp4j.protocol.session.SetSessionModeResponse;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.session.SessionStore;
import dev.acp4j.server.session.StoredSession;
import dev.acp4j.server.session.Timestamps;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session methods: new, load, resume, list, close, delete, prompt, cancel, set_mode and
 * set_config_option. Every session and its conversation go to the {@link SessionStore}, which is
 * opened only when the first session method needs it.
 */
final class SessionService {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final Agent agent;
    private final ClientState client;
    private final CredentialResolver credentials;
    private final McpServers mcp;
    private final Executor turnExecutor;
    private final Duration cancelGrace;
    private final SessionRecorder recorder;
    private volatile SessionSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionGate sessionGate;
    private final SessionSignIn signIns;
    private final EagerMcpSignIn eagerMcpSignIn;

    /**
     * @param optionProviders the configuration's {@code configOptionProviders}
     * @param eagerMcpSignIn  {@code mcpSignIn: "eager"}: sign in to a new session's MCP servers right away
     */
    SessionService(Agent agent, ClientState client, RequestGate gate, CredentialResolver credentials, McpServers mcp,
                   Executor turnExecutor, Duration cancelGrace, SessionRecorder recorder, SessionSignIn signIns,
                   Map<String, Map<String, String>> optionProviders, boolean eagerMcpSignIn) {
        this.agent = agent;
        this.client = client;
        this.signIns = signIns;
        this.sessionGate = new SessionGate(gate, new ProviderRequirements(agent, optionProviders), client,
                this::settings, recorder::store);
        this.eagerMcpSignIn = eagerMcpSignIn ? new EagerMcpSignIn(mcp, turnExecutor) : null;
        this.credentials = credentials;
        this.mcp = mcp;
        this.turnExecutor = turnExecutor;
        this.cancelGrace = cancelGrace;
        this.recorder = recorder;
    }

    /** The agent's modes and options, asked for when the first session needs them (not at start-up). */
    private SessionSettings settings() {
        SessionSettings current = settings;
        if (current == null) {
            synchronized (this) {
                if (settings == null) {
                    settings = new SessionSettings(agent.modes(), agent.configOptions());
                }
                current = settings;
            }
        }
        return current;
    }

    void register(MethodTable methods) {
        methods.request(AcpMethods.SESSION_NEW, NewSessionRequest.class, this::newSession)
                .request(AcpMethods.SESSION_LOAD, LoadSessionRequest.class, this::loadSession)
                .request(AcpMethods.SESSION_RESUME, ResumeSessionRequest.class, this::resumeSession)
                .request(AcpMethods.SESSION_LIST, ListSessionsRequest.class, this::listSessions)
                .request(AcpMethods.SESSION_CLOSE, CloseSessionRequest.class, this::closeSession)
                .request(AcpMethods.SESSION_DELETE, DeleteSessionRequest.class, this::deleteSession)
                .request(AcpMethods.SESSION_SET_MODE, SetSessionModeRequest.class, this::setMode)
                .request(AcpMethods.SESSION_SET_CONFIG_OPTION, SetSessionConfigOptionRequest.class, this::setConfigOption)
                .requestAsync(AcpMethods.SESSION_PROMPT, PromptRequest.class, this::prompt)
                .notification(AcpMethods.SESSION_CANCEL, CancelNotification.class, this::cancel);
    }

    /** Ends every session of this process (stdin closed): running turns are already cancelled. */
    void closeAll() {
        if (eagerMcpSignIn != null) {
            eagerMcpSignIn.stopAll();
        }
        sessions.clear();
        mcp.closeAll();
        recorder.close();
    }

    private NewSessionResponse newSession(NewSessionRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_NEW);
        sessionGate.admitNew(request.cwd(), request.additionalDirectories(), request.mcpServers(), request.meta(), context);
        Path cwd = absolutePath("cwd", request.cwd());
        List<String> directories = directories(request.additionalDirectories());
        List<McpServer> servers = mcpServers(request.mcpServers());
        String now = Timestamps.now(clock);
        StoredSession stored = new StoredSession(UUID.randomUUID().toString(), cwd.toString(), directories, null,
                now, now, settings().defaultModeId(), Map.of());
        recorder.save(stored);
        Session session = new Session(stored, servers, List.of(), recorder);
        sessions.put(session.id(), session);
        announceCommands(session, context);
        if (eagerMcpSignIn != null) {
            context.afterResponse(() -> eagerMcpSignIn.start(session, context.peer(), client));
        }
        return new NewSessionResponse(session.id(), settings().modeState(stored), configOptions(stored), null);
    }

    private LoadSessionResponse loadSession(LoadSessionRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_LOAD);
        sessionGate.admitStored(AcpMethods.SESSION_LOAD, request.sessionId(), request.cwd(), request.additionalDirectories(),
                request.mcpServers(), request.meta(), context);
        Session session = reopen(request.sessionId(), request.cwd(), request.additionalDirectories(),
                mcpServers(request.mcpServers()), true);
        for (SessionUpdate update : session.history()) {
            context.peer().notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(session.id(), update));
        }
        agent.sessionRestored(session);
        announceCommands(session, context);
        return new LoadSessionResponse(settings().modeState(session.state()), configOptions(session.state()), null);
    }

    private ResumeSessionResponse resumeSession(ResumeSessionRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_RESUME);
        sessionGate.admitStored(AcpMethods.SESSION_RESUME, request.sessionId(), request.cwd(), request.additionalDirectories(),
                request.mcpServers(), request.meta(), context);
        Session session = reopen(request.sessionId(), request.cwd(), request.additionalDirectories(),
                request.mcpServers() == null ? List.of() : mcpServers(request.mcpServers()), false);
        agent.sessionRestored(session);
        announceCommands(session, context);
        return new ResumeSessionResponse(settings().modeState(session.state()), configOptions(session.state()), null);
    }

    /** Brings a stored session into this process, with the directories and MCP servers the client gives now. */
    private Session reopen(String sessionId, String cwdText, List<String> additionalDirectories,
                           List<McpServer> servers, boolean withHistory) {
        Path cwd = absolutePath("cwd", cwdText);
        List<String> directories = directories(additionalDirectories);
        Session active = sessions.get(sessionId == null ? "" : sessionId);
        if (active != null && active.hasRunningTurn()) {
            throw new JsonRpcException(JsonRpcError.invalidRequest("a prompt turn is running in session " + EchoedText.of(sessionId)
                    + "; send session/cancel first"));
        }
        StoredSession stored;
        List<SessionUpdate> history;
        try {
            SessionStore store = recorder.store();
            stored = store.find(sessionId).orElseThrow(() -> notFound(sessionId));
            history = store.conversation(sessionId);
        } catch (IOException e) {
            throw storeFailure(e);
        }
        StoredSession reopened = stored.reopened(cwd.toString(), directories);
        if (!reopened.equals(stored)) {
            recorder.save(reopened);
        }
        Session session = new Session(reopened, servers, history, recorder);
        sessions.put(session.id(), session);
        LOG.debug("Session {} {} with {} recorded updates", sessionId, withHistory ? "loaded" : "resumed", history.size());
        return session;
    }

    private ListSessionsResponse listSessions(ListSessionsRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_LIST);
        String cwd = request.cwd() == null ? null : absolutePath("cwd", request.cwd()).normalize().toString();
        List<StoredSession> all;
        try {
            all = recorder.store().list();
        } catch (IOException e) {
            throw storeFailure(e);
        }
        List<StoredSession> matching = cwd == null ? all
                : all.stream().filter(s -> Path.of(s.cwd()).normalize().toString().equals(cwd)).toList();
        SessionPages.Page page = SessionPages.page(matching, request.cursor());
        List<SessionInfo> infos = new ArrayList<>();
        for (StoredSession s : page.sessions()) {
            infos.add(new SessionInfo(s.sessionId(), s.cwd(),
                    s.additionalDirectories().isEmpty() ? null : s.additionalDirectories(), s.title(), s.updatedAt(), null));
        }
        return new ListSessionsResponse(infos, page.nextCursor(), null);
    }

    private CloseSessionResponse closeSession(CloseSessionRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_CLOSE);
        if (!end(request.sessionId()) && !isStored(request.sessionId())) {
            throw notFound(request.sessionId());
        }
        return CloseSessionResponse.empty();
    }

    private DeleteSessionResponse deleteSession(DeleteSessionRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_DELETE);
        boolean wasOpen = end(request.sessionId());
        boolean wasStored;
        try {
            wasStored = request.sessionId() != null && recorder.store().delete(request.sessionId());
        } catch (IOException e) {
            throw storeFailure(e);
        }
        if (!wasOpen && !wasStored) {
            throw notFound(request.sessionId());
        }
        return DeleteSessionResponse.empty();
    }

    /** Ends a session open in this process: its turn cancelled and answered, its MCP server processes stopped. */
    private boolean end(String sessionId) {
        Session session = sessionId == null ? null : sessions.remove(sessionId);
        if (session == null) {
            return false;
        }
        try {
            session.cancelTurn().get(cancelGrace.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Session {}: its turn ended with {}", sessionId, e.toString());
        }
        recorder.store().release(sessionId);
        if (eagerMcpSignIn != null) {
            eagerMcpSignIn.stop(sessionId);
        }
        mcp.closeSession(sessionId);
        try {
            agent.sessionClosed(session);
        } catch (RuntimeException e) {
            LOG.warn("Session {}: the agent's sessionClosed failed: {}", sessionId, e.toString());
        }
        return true;
    }

    private boolean isStored(String sessionId) {
        try {
            return recorder.store().find(sessionId).isPresent();
        } catch (IOException e) {
            throw storeFailure(e);
        }
    }

    private SetSessionModeResponse setMode(SetSessionModeRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_SET_MODE);
        Session session = existing(request.sessionId());
        settings().requireMode(request.modeId());
        session.update(s -> s.withMode(request.modeId(), Timestamps.now(clock)));
        context.afterResponse(() -> context.peer().notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(
                session.id(), new SessionUpdate.CurrentModeUpdate(request.modeId(), null))));
        return SetSessionModeResponse.empty();
    }

    private SetSessionConfigOptionResponse setConfigOption(SetSessionConfigOptionRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_SET_CONFIG_OPTION);
        Session session = existing(request.sessionId());
        Object value = settings().validate(request, client.supportsBooleanConfigOptions());
        StoredSession updated = session.update(s -> s.withConfigValue(request.configId(), value, Timestamps.now(clock)));
        List<SessionConfigOption> options = configOptions(updated);
        context.afterResponse(() -> context.peer().notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(
                session.id(), new SessionUpdate.ConfigOptionUpdate(options, null))));
        return SetSessionConfigOptionResponse.of(options);
    }

    private CompletionStage<PromptResponse> prompt(PromptRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_PROMPT);
        if (request.prompt() == null || request.prompt().contains(null)) {
            throw new JsonRpcException(JsonRpcError.invalidParams("field 'prompt' must be an array of content blocks"));
        }
        Session session = existing(request.sessionId());
        CancellationToken cancellation = new CancellationToken();
        CompletableFuture<PromptResponse> answer = new CompletableFuture<>();
        if (!session.beginTurn(cancellation, answer)) {
            throw new JsonRpcException(JsonRpcError.invalidRequest("a prompt turn is already running in session "
                    + session.id() + "; send session/cancel first"));
        }
        context.cancellation().onCancel(cancellation::cancel);
        PromptTurn turn = new PromptTurn(session, request.prompt(), cancellation,
                new Client(context.peer(), client, cancellation), credentials, mcp, settings(),
                (s, title) -> retitle(s, title, context), signIns);
        TurnRun run = new TurnRun(session, turn, request.prompt(), request.meta(), cancellation, context, answer);
        cancellation.onCancel(() -> CompletableFuture.delayedExecutor(cancelGrace.toMillis(), TimeUnit.MILLISECONDS)
                .execute(run::giveUp));
        turnExecutor.execute(run);
        return answer;
    }

    private void retitle(Session session, String title, RequestContext context) {
        StoredSession updated = session.update(s -> s.withTitle(title, Timestamps.now(clock)));
        context.peer().notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(session.id(),
                new SessionUpdate.SessionInfoUpdate(updated.title(), updated.updatedAt(), null)));
    }

    private void cancel(CancelNotification notification) {
        Session session = notification.sessionId() == null ? null : sessions.get(notification.sessionId());
        if (session != null) {
            session.cancelTurn();
        }
    }

    private void announceCommands(Session session, RequestContext context) {
        var commands = agent.availableCommands();
        if (!commands.isEmpty()) {
            context.afterResponse(() -> context.peer().notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(
                    session.id(), new SessionUpdate.AvailableCommandsUpdate(commands, null))));
        }
    }

    private List<SessionConfigOption> configOptions(StoredSession session) {
        return settings().configOptions(session, client.supportsBooleanConfigOptions());
    }

    private Session existing(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            throw new JsonRpcException(JsonRpcError.invalidParams("unknown sessionId '" + EchoedText.of(sessionId)
                    + "' (not open in this process: session/load or session/resume it first)"));
        }
        return session;
    }

    private static JsonRpcException notFound(String sessionId) {
        return new JsonRpcException(new JsonRpcError(AcpErrorCodes.RESOURCE_NOT_FOUND,
                "Session " + EchoedText.of(sessionId) + " not found"));
    }

    private static JsonRpcException storeFailure(IOException e) {
        LOG.error("The session store failed: {}", e.toString());
        return new JsonRpcException(new JsonRpcError(AcpErrorCodes.INTERNAL_ERROR,
                "The session store cannot be read (the agent's log says why)"));
    }

    private static List<McpServer> mcpServers(List<McpServer> servers) {
        if (servers == null || servers.contains(null)) {
            throw new JsonRpcException(JsonRpcError.invalidParams("field 'mcpServers' must be an array of MCP servers"));
        }
        return servers;
    }

    private static List<String> directories(List<String> directories) {
        if (directories == null) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < directories.size(); i++) {
            paths.add(absolutePath("additionalDirectories[" + i + "]", directories.get(i)).toString());
        }
        return paths;
    }

    private static Path absolutePath(String field, String value) {
        if (value == null) {
            throw new JsonRpcException(JsonRpcError.invalidParams("field '" + field + "' must not be null"));
        }
        try {
            Path path = Path.of(value);
            if (path.isAbsolute()) {
                return path;
            }
        } catch (InvalidPathException e) {
            // answered below
        }
        throw new JsonRpcException(JsonRpcError.invalidParams("field '" + field + "' must be an absolute path"));
    }

    /** One running turn: the agent's thread, and the single answer it ends with. */
    private final class TurnRun implements Runnable {
        private final Session session;
        private final PromptTurn turn;
        private final List<ContentBlock> prompt;
        private final Map<String, Object> meta;
        private final CancellationToken cancellation;
        private final RequestContext context;
        private final CompletableFuture<PromptResponse> answer;

        TurnRun(Session session, PromptTurn turn, List<ContentBlock> prompt, Map<String, Object> meta,
                CancellationToken cancellation, RequestContext context, CompletableFuture<PromptResponse> answer) {
            this.session = session;
            this.meta = meta;
            this.turn = turn;
            this.prompt = prompt;
            this.cancellation = cancellation;
            this.context = context;
            this.answer = answer;
        }

        @Override
        public void run() {
            try {
                // Here, not on the read loop: the check may read the credential store or refresh a token.
                turn.requireProviders(sessionGate.admitPrompt(session, prompt, meta, context));
            } catch (RuntimeException e) {
                finish(null, e);
                return;
            }
            String userMessageId = UUID.randomUUID().toString();
            for (ContentBlock block : prompt) {
                session.record(new SessionUpdate.UserMessageChunk(block, userMessageId, null));
            }
            try {
                StopReason stopReason = agent.prompt(turn);
                if (cancellation.isCancelled()) {
                    stopReason = StopReason.CANCELLED;
                }
                finish(stopReason == null ? StopReason.END_TURN : stopReason, null);
            } catch (Exception | LinkageError e) {
                if (cancellation.isCancelled()) {
                    finish(StopReason.CANCELLED, null);
                } else {
                    finish(null, e);
                }
            }
        }

        /**
         * The agent ignored the cancellation for the whole grace period: answer without it, and stop
         * the session's {@code stdio} MCP servers, which the turn may be hanging on (they start again
         * on their next use).
         */
        void giveUp() {
            if (!answer.isDone()) {
                mcp.closeSession(session.id());
            }
            finish(StopReason.CANCELLED, null);
        }

        private synchronized void finish(StopReason stopReason, Throwable failure) {
            if (answer.isDone()) {
                return;
            }
            turn.finish();
            session.update(s -> s.touched(Timestamps.now(clock)));
            session.endTurn(cancellation);
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(PromptResponse.of(stopReason));
            }
        }
    }
}
