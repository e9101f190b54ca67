package dev.acp4j.auth.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.jsonrpc.JsonRpcConnection;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.elicitation.CompleteElicitationNotification;
import dev.acp4j.protocol.elicitation.CreateElicitationRequest;
import dev.acp4j.protocol.elicitation.CreateElicitationResponse;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One URL-mode {@code elicitation/create}: sends the client a URL for the user to open, reports
 * a decline or cancel, and sends {@code elicitation/complete} when the flow behind the URL
 * finished. Request-scoped (tied to e.g. an {@code authenticate} request) or session-scoped.
 */
public final class UrlElicitation implements UserPrompt {

    /**
     * The user declined ({@code action: "decline"}: refused) or cancelled ({@code action: "cancel"}:
     * dismissed without choosing) the elicitation in the client.
     */
    public static final class DeclinedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** True for a cancel, false for a decline. */
        private final boolean cancelled;

        DeclinedException(boolean cancelled) {
            super("the user " + (cancelled ? "cancelled" : "declined"), null, false, false);
            this.cancelled = cancelled;
        }

        /**
         * True for a cancel, false for a decline.
         *
         * @return whether the user cancelled
         */
        public boolean cancelled() {
            return cancelled;
        }
    }

    private final JsonRpcConnection connection;
    private final String elicitationId = UUID.randomUUID().toString();
    private final CompletableFuture<Void> declined = new CompletableFuture<>();
    private CompletableFuture<CreateElicitationResponse> reply;

    private UrlElicitation(JsonRpcConnection connection) {
        this.connection = connection;
    }

    /**
     * Sends a request-scoped URL elicitation tied to the request {@code requestId}.
     *
     * @param connection the connection to the client
     * @param requestId the id of the request awaiting the sign-in, e.g. {@code authenticate}
     * @param url the URL the client opens
     * @param message what the user reads
     * @return the elicitation, sent
     */
    public static UrlElicitation forRequest(JsonRpcConnection connection, JsonNode requestId, URI url, String message) {
        UrlElicitation elicitation = new UrlElicitation(connection);
        elicitation.send(CreateElicitationRequest.urlForRequest(requestId, elicitation.elicitationId, url.toString(), message));
        return elicitation;
    }

    /**
     * Sends a session-scoped URL elicitation.
     *
     * @param connection the connection to the client
     * @param sessionId the session the sign-in is for
     * @param url the URL the client opens
     * @param message what the user reads
     * @return the elicitation, sent
     */
    public static UrlElicitation forSession(JsonRpcConnection connection, String sessionId, URI url, String message) {
        UrlElicitation elicitation = new UrlElicitation(connection);
        elicitation.send(CreateElicitationRequest.urlForSession(sessionId, elicitation.elicitationId, url.toString(), message));
        return elicitation;
    }

    private void send(CreateElicitationRequest request) {
        reply = connection.request(AcpMethods.ELICITATION_CREATE, request, CreateElicitationResponse.class);
        reply.whenComplete((response, failure) -> {
            if (failure != null) {
                declined.completeExceptionally(failure);
            } else if (response instanceof CreateElicitationResponse.Decline) {
                declined.completeExceptionally(new DeclinedException(false));
            } else if (response instanceof CreateElicitationResponse.Cancel) {
                declined.completeExceptionally(new DeclinedException(true));
            }
        });
    }

    /** {@return the {@code elicitationId}, which {@code elicitation/complete} names} */
    public String elicitationId() {
        return elicitationId;
    }

    /** Fails when the user declines or cancels (or the client answers with an error); never completes normally. */
    @Override
    public CompletableFuture<Void> declined() {
        return declined;
    }

    /** The flow behind the URL finished: tells the client. */
    @Override
    public void complete() {
        connection.notify(AcpMethods.ELICITATION_COMPLETE, new CompleteElicitationNotification(elicitationId, null));
    }

    /** Abandons the elicitation (timeout, cancellation): the client's request is cancelled if still open. */
    @Override
    public void abandon() {
        if (reply != null && !reply.isDone()) {
            reply.cancel(false);
        }
    }
}
