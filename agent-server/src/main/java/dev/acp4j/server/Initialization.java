package dev.acp4j.server;

import dev.acp4j.jsonrpc.MethodTable;
import dev.acp4j.jsonrpc.RequestContext;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.ProtocolVersion;
import dev.acp4j.protocol.auth.AgentAuthCapabilities;
import dev.acp4j.protocol.auth.AuthMethod;
import dev.acp4j.protocol.initialization.AgentCapabilities;
import dev.acp4j.protocol.initialization.Implementation;
import dev.acp4j.protocol.initialization.InitializeRequest;
import dev.acp4j.protocol.initialization.InitializeResponse;
import dev.acp4j.protocol.initialization.McpCapabilities;
import dev.acp4j.protocol.initialization.PromptCapabilities;
import dev.acp4j.protocol.initialization.SessionAdditionalDirectoriesCapabilities;
import dev.acp4j.protocol.initialization.SessionCapabilities;
import dev.acp4j.protocol.initialization.SessionCloseCapabilities;
import dev.acp4j.protocol.initialization.SessionDeleteCapabilities;
import dev.acp4j.protocol.initialization.SessionListCapabilities;
import dev.acp4j.protocol.initialization.SessionResumeCapabilities;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** {@code initialize}: protocol version negotiation, capabilities, auth methods, agent info. */
final class Initialization {

    /** Protocol versions this server speaks. */
    static final Set<Integer> SUPPORTED_VERSIONS = Set.of(ProtocolVersion.LATEST);

    private final ClientState client;
    private final Implementation agentInfo;
    private final Function<ClientState, List<AuthMethod>> authMethods;
    private final PromptCapabilities promptCapabilities;

    /** Every session method acp4j serves for any agent (the server keeps the sessions). */
    private static final SessionCapabilities SESSION_CAPABILITIES = new SessionCapabilities(
            new SessionListCapabilities(null), new SessionDeleteCapabilities(null),
            new SessionAdditionalDirectoriesCapabilities(null), new SessionResumeCapabilities(null),
            new SessionCloseCapabilities(null), null);

    Initialization(ClientState client, Implementation agentInfo, Function<ClientState, List<AuthMethod>> authMethods,
                   PromptCapabilities promptCapabilities) {
        this.promptCapabilities = promptCapabilities;
        this.client = client;
        this.agentInfo = agentInfo;
        this.authMethods = authMethods;
    }

    void register(MethodTable methods) {
        // On the read loop, so that requests pipelined right behind it see the connection initialized.
        methods.requestAsync(AcpMethods.INITIALIZE, InitializeRequest.class, this::initialize);
    }

    private CompletionStage<InitializeResponse> initialize(InitializeRequest request, RequestContext context) {
        return CompletableFuture.completedFuture(answer(request));
    }

    /**
     * Takes the client's capabilities and answers: what every {@code initialize} does, on the
     * connection or before it exists ({@link EarlyInitialize}). Doing it twice with the same
     * request leaves the same state.
     */
    InitializeResponse answer(InitializeRequest request) {
        client.initialized(request.clientCapabilities(), request.clientInfo());
        int version = SUPPORTED_VERSIONS.contains(request.protocolVersion())
                ? request.protocolVersion()
                : ProtocolVersion.LATEST;
        AgentCapabilities capabilities = new AgentCapabilities(
                true,
                promptCapabilities,
                new McpCapabilities(true, false, null),
                SESSION_CAPABILITIES,
                AgentAuthCapabilities.withLogout(),
                null);
        return new InitializeResponse(version, capabilities, authMethods.apply(client), agentInfo, null);
    }
}
