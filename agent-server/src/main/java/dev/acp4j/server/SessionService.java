package dev.acp4j.server;

import dev.acp4j.auth.CredentialResolver;
import dev.acp4j.mcp.McpServers;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.jsonrpc.JsonRpcError;
import dev.acp4j.jsonrpc.JsonRpcException;
import dev.acp4j.jsonrpc.MethodTable;
import dev.acp4j.jsonrpc.RequestContext;
import dev.acp4j.protocol.AcpErrorCodes;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.session.CancelNotification;
import dev.acp4j.protocol.session.LoadSessionRequest;
import dev.acp4j.protocol.session.LoadSessionResponse;
import dev.acp4j.protocol.session.NewSessionRequest;
import dev.acp4j.protocol.session.NewSessionResponse;
import dev.acp4j.protocol.session.PromptRequest;
import dev.acp4j.protocol.session.PromptResponse;
import dev.acp4j.protocol.session.SessionNotification;
import dev.acp4j.protocol.session.SessionUpdate;
import dev.acp4j.protocol.session.StopReason;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** {@code session/new}, {@code session/load}, {@code session/prompt} and {@code session/cancel}. */
final class SessionService {

    private final Agent agent;
    private final ClientState client;
    private final RequestGate gate;
    private final CredentialResolver credentials;
    private final McpServers mcp;
    private final Executor turnExecutor;
    private final Duration cancelGrace;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SessionService(Agent agent, ClientState client, RequestGate gate, CredentialResolver credentials, McpServers mcp,
                   Executor turnExecutor, Duration cancelGrace) {
        this.agent = agent;
        this.client = client;
        this.gate = gate;
        this.credentials = credentials;
        this.mcp = mcp;
        this.turnExecutor = turnExecutor;
        this.cancelGrace = cancelGrace;
    }

    void register(MethodTable methods) {
        methods.request(AcpMethods.SESSION_NEW, NewSessionRequest.class, this::newSession)
                .request(AcpMethods.SESSION_LOAD, LoadSessionRequest.class, this::loadSession)
                .requestAsync(AcpMethods.SESSION_PROMPT, PromptRequest.class, this::prompt)
                .notification(AcpMethods.SESSION_CANCEL, CancelNotification.class, this::cancel);
    }

    private NewSessionResponse newSession(NewSessionRequest request, RequestContext context) {
        admit(AcpMethods.SESSION_NEW, context);
        Path cwd = absolutePath(request.cwd());
        if (request.mcpServers() == null || request.mcpServers().contains(null)) {
            throw new JsonRpcException(JsonRpcError.invalidParams("field 'mcpServers' must be an array of MCP servers"));
        }
        Session session = new Session(UUID.randomUUID().toString(), cwd, request.mcpServers());
        sessions.put(session.id(), session);
        var commands = agent.availableCommands();
        if (!commands.isEmpty()) {
            context.afterResponse(() -> context.peer().notify(AcpMethods.SESSION_UPDATE, SessionNotification.of(
                    session.id(), new SessionUpdate.AvailableCommandsUpdate(commands, null))));
        }
        return NewSessionResponse.of(session.id());
    }

    private LoadSessionResponse loadSession(LoadSessionRequest request, RequestContext context) {
        admit(AcpMethods.SESSION_LOAD, context);
        throw new JsonRpcException(new JsonRpcError(AcpErrorCodes.RESOURCE_NOT_FOUND,
                "Session " + request.sessionId() + " cannot be loaded: this agent does not keep sessions"
                        + " across restarts (loadSession is false)"));
    }

    private CompletionStage<PromptResponse> prompt(PromptRequest request, RequestContext context) {
        client.requireInitialized(AcpMethods.SESSION_PROMPT);
        if (request.prompt() == null || request.prompt().contains(null)) {
            throw new JsonRpcException(JsonRpcError.invalidParams("field 'prompt' must be an array of content blocks"));
        }
        Session session = existing(request.sessionId());
        CancellationToken cancellation = new CancellationToken();
        if (!session.beginTurn(cancellation)) {
            throw new JsonRpcException(JsonRpcError.invalidRequest("a prompt turn is already running in session "
                    + session.id() + "; send session/cancel first"));
        }
        context.cancellation().onCancel(cancellation::cancel);
        PromptTurn turn = new PromptTurn(session, request.prompt(), cancellation,
                new Client(context.peer(), client, cancellation), credentials, mcp);
        TurnRun run = new TurnRun(session, turn, cancellation, context);
        cancellation.onCancel(() -> CompletableFuture.delayedExecutor(cancelGrace.toMillis(), TimeUnit.MILLISECONDS)
                .execute(run::giveUp));
        turnExecutor.execute(run);
        return run.answer;
    }

    private void cancel(CancelNotification notification) {
        Session session = notification.sessionId() == null ? null : sessions.get(notification.sessionId());
        if (session != null) {
            session.cancelTurn();
        }
    }

    private void admit(String method, RequestContext context) {
        client.requireInitialized(method);
        gate.admit(method, context);
    }

    private Session existing(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            throw new JsonRpcException(JsonRpcError.invalidParams("unknown sessionId '" + sessionId + "'"));
        }
        return session;
    }

    private static Path absolutePath(String cwd) {
        if (cwd == null) {
            throw new JsonRpcException(JsonRpcError.invalidParams("field 'cwd' must not be null"));
        }
        try {
            Path path = Path.of(cwd);
            if (path.isAbsolute()) {
                return path;
            }
        } catch (InvalidPathException e) {
            // answered below
        }
        throw new JsonRpcException(JsonRpcError.invalidParams("field 'cwd' must be an absolute path"));
    }

    /** One running turn: the agent's thread, and the single answer it ends with. */
    private final class TurnRun implements Runnable {
        private final Session session;
        private final PromptTurn turn;
        private final CancellationToken cancellation;
        private final RequestContext context;
        private final CompletableFuture<PromptResponse> answer = new CompletableFuture<>();

        TurnRun(Session session, PromptTurn turn, CancellationToken cancellation, RequestContext context) {
            this.session = session;
            this.turn = turn;
            this.cancellation = cancellation;
            this.context = context;
        }

        @Override
        public void run() {
            try {
                // Here, not on the read loop: the check may read the credential store or refresh a token.
                gate.admit(AcpMethods.SESSION_PROMPT, context);
            } catch (RuntimeException e) {
                finish(null, e);
                return;
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

        /** The agent ignored the cancellation for the whole grace period: answer without it. */
        void giveUp() {
            finish(StopReason.CANCELLED, null);
        }

        private synchronized void finish(StopReason stopReason, Throwable failure) {
            if (answer.isDone()) {
                return;
            }
            turn.finish();
            session.endTurn(cancellation);
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(PromptResponse.of(stopReason));
            }
        }
    }
}
