package dev.acp4j.server;

import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.jsonrpc.JsonRpcConnection;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.elicitation.CreateElicitationRequest;
import dev.acp4j.protocol.elicitation.CreateElicitationResponse;
import dev.acp4j.protocol.permission.RequestPermissionRequest;
import dev.acp4j.protocol.permission.RequestPermissionResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The client as seen from a handler or a turn: its capabilities and its methods. A method the
 * client did not advertise is refused here, before anything is sent. Calls block until the
 * client answers; cancelling the token cancels the call (the client is sent
 * {@code $/cancel_request}).
 */
public final class Client {

    private final JsonRpcConnection connection;
    private final ClientState state;
    private final CancellationToken cancellation;

    Client(JsonRpcConnection connection, ClientState state, CancellationToken cancellation) {
        this.connection = connection;
        this.state = state;
        this.cancellation = cancellation;
    }

    public ClientState state() {
        return state;
    }

    /** {@code session/request_permission}: every client supports it. */
    public RequestPermissionResponse requestPermission(RequestPermissionRequest request) throws InterruptedException {
        return call(AcpMethods.SESSION_REQUEST_PERMISSION, request, RequestPermissionResponse.class);
    }

    /** {@code elicitation/create}, only in a mode the client advertised. */
    public CreateElicitationResponse elicit(CreateElicitationRequest request) throws InterruptedException {
        boolean url = request instanceof CreateElicitationRequest.Url;
        if (url ? !state.supportsUrlElicitation() : !state.supportsFormElicitation()) {
            throw new CapabilityNotAdvertisedException(url ? "elicitation.url" : "elicitation.form");
        }
        return call(AcpMethods.ELICITATION_CREATE, request, CreateElicitationResponse.class);
    }

    /** Sends any client method and waits for its result; for methods without a typed call here. */
    public <R> R call(String method, Object params, Class<R> resultType) throws InterruptedException {
        requireCapability(method);
        CompletableFuture<R> future = connection.request(method, params, resultType);
        cancellation.onCancel(() -> future.cancel(false));
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(method + " failed", cause);
        } catch (CancellationException e) {
            throw new CancellationException(method + " cancelled");
        }
    }

    /** Sends a notification to the client. */
    public void notify(String method, Object params) {
        connection.notify(method, params);
    }

    private void requireCapability(String method) {
        if (method.startsWith("fs/read") && !state.canReadTextFile()) {
            throw new CapabilityNotAdvertisedException("fs.readTextFile");
        }
        if (method.startsWith("fs/write") && !state.canWriteTextFile()) {
            throw new CapabilityNotAdvertisedException("fs.writeTextFile");
        }
        if (method.startsWith("terminal/") && !state.supportsTerminal()) {
            throw new CapabilityNotAdvertisedException("terminal");
        }
        if (method.equals(AcpMethods.ELICITATION_CREATE) && !state.supportsUrlElicitation()
                && !state.supportsFormElicitation()) {
            throw new CapabilityNotAdvertisedException("elicitation");
        }
    }
}
