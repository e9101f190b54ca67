package dev.acp4j.server;

import dev.acp4j.auth.interaction.UrlElicitation;
import dev.acp4j.jsonrpc.CancellationToken;
import dev.acp4j.jsonrpc.JsonRpcConnection;
import dev.acp4j.protocol.AcpMethods;
import dev.acp4j.protocol.elicitation.CreateElicitationRequest;
import dev.acp4j.protocol.elicitation.CreateElicitationResponse;
import dev.acp4j.protocol.fs.ReadTextFileRequest;
import dev.acp4j.protocol.fs.ReadTextFileResponse;
import dev.acp4j.protocol.fs.WriteTextFileRequest;
import dev.acp4j.protocol.fs.WriteTextFileResponse;
import dev.acp4j.protocol.permission.RequestPermissionRequest;
import dev.acp4j.protocol.permission.RequestPermissionResponse;
import dev.acp4j.protocol.terminal.CreateTerminalRequest;
import dev.acp4j.protocol.terminal.CreateTerminalResponse;
import dev.acp4j.protocol.terminal.KillTerminalRequest;
import dev.acp4j.protocol.terminal.KillTerminalResponse;
import dev.acp4j.protocol.terminal.ReleaseTerminalRequest;
import dev.acp4j.protocol.terminal.ReleaseTerminalResponse;
import dev.acp4j.protocol.terminal.TerminalOutputRequest;
import dev.acp4j.protocol.terminal.TerminalOutputResponse;
import dev.acp4j.protocol.terminal.WaitForTerminalExitRequest;
import dev.acp4j.protocol.terminal.WaitForTerminalExitResponse;
import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The client as seen from a handler or a turn: its capabilities and its methods. A method the
 * client did not advertise is refused here, before anything is sent. Calls block until the
 * client answers; cancelling the token cancels the call (the client is sent
 * {@code $/cancel_request}). A call the client answers with an error throws
 * {@link dev.acp4j.jsonrpc.JsonRpcException} carrying that error.
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

    /** @return what the client said about itself in {@code initialize} */
    public ClientState state() {
        return state;
    }

    /**
     * {@code session/request_permission}: every client supports it.
     *
     * @param request the tool call and the options offered
     * @return the option the user chose, or that the request was cancelled
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public RequestPermissionResponse requestPermission(RequestPermissionRequest request) throws InterruptedException {
        return call(AcpMethods.SESSION_REQUEST_PERMISSION, request, RequestPermissionResponse.class);
    }

    /**
     * {@code elicitation/create}, only in a mode the client advertised.
     *
     * @param request a form or URL elicitation
     * @return the user's action (accept, decline, cancel) and, for a form, the content
     * @throws CapabilityNotAdvertisedException when the client did not advertise that mode
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public CreateElicitationResponse elicit(CreateElicitationRequest request) throws InterruptedException {
        boolean url = request instanceof CreateElicitationRequest.Url;
        if (url ? !state.supportsUrlElicitation() : !state.supportsFormElicitation()) {
            throw new CapabilityNotAdvertisedException(url ? "elicitation.url" : "elicitation.form");
        }
        return call(AcpMethods.ELICITATION_CREATE, request, CreateElicitationResponse.class);
    }

    /**
     * Sends a session-scoped URL-mode {@code elicitation/create} without waiting: the returned
     * elicitation reports a decline and sends {@code elicitation/complete}.
     *
     * @param sessionId the session the elicitation belongs to
     * @param url the page the user is sent to
     * @param message what the client shows the user
     * @return the open elicitation
     * @throws CapabilityNotAdvertisedException when the client did not advertise {@code elicitation.url}
     */
    public UrlElicitation openUrl(String sessionId, URI url, String message) {
        if (!state.supportsUrlElicitation()) {
            throw new CapabilityNotAdvertisedException("elicitation.url");
        }
        return UrlElicitation.forSession(connection, sessionId, url, message);
    }

    /**
     * {@code fs/read_text_file}, only when the client advertised {@code fs.readTextFile}.
     *
     * @param request the file, and optionally the lines
     * @return the content
     * @throws CapabilityNotAdvertisedException when the client did not advertise it
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public ReadTextFileResponse readTextFile(ReadTextFileRequest request) throws InterruptedException {
        return call(AcpMethods.FS_READ_TEXT_FILE, request, ReadTextFileResponse.class);
    }

    /**
     * {@code fs/write_text_file}, only when the client advertised {@code fs.writeTextFile}.
     *
     * @param request the file and its new content
     * @return the client's (empty) answer
     * @throws CapabilityNotAdvertisedException when the client did not advertise it
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public WriteTextFileResponse writeTextFile(WriteTextFileRequest request) throws InterruptedException {
        return call(AcpMethods.FS_WRITE_TEXT_FILE, request, WriteTextFileResponse.class);
    }

    /**
     * {@code terminal/create}, only when the client advertised {@code terminal}.
     *
     * @param request the command, its arguments, environment and working directory
     * @return the new terminal's id
     * @throws CapabilityNotAdvertisedException when the client did not advertise it
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public CreateTerminalResponse createTerminal(CreateTerminalRequest request) throws InterruptedException {
        return call(AcpMethods.TERMINAL_CREATE, request, CreateTerminalResponse.class);
    }

    /**
     * {@code terminal/output}, only when the client advertised {@code terminal}.
     *
     * @param request the terminal
     * @return its output so far and, once it exited, its exit status
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public TerminalOutputResponse terminalOutput(TerminalOutputRequest request) throws InterruptedException {
        return call(AcpMethods.TERMINAL_OUTPUT, request, TerminalOutputResponse.class);
    }

    /**
     * {@code terminal/wait_for_exit}, only when the client advertised {@code terminal}.
     *
     * @param request the terminal
     * @return its exit status, once it exited
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public WaitForTerminalExitResponse waitForTerminalExit(WaitForTerminalExitRequest request) throws InterruptedException {
        return call(AcpMethods.TERMINAL_WAIT_FOR_EXIT, request, WaitForTerminalExitResponse.class);
    }

    /**
     * {@code terminal/kill}, only when the client advertised {@code terminal}.
     *
     * @param request the terminal
     * @return the client's (empty) answer
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public KillTerminalResponse killTerminal(KillTerminalRequest request) throws InterruptedException {
        return call(AcpMethods.TERMINAL_KILL, request, KillTerminalResponse.class);
    }

    /**
     * {@code terminal/release}, only when the client advertised {@code terminal}.
     *
     * @param request the terminal
     * @return the client's (empty) answer
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public ReleaseTerminalResponse releaseTerminal(ReleaseTerminalRequest request) throws InterruptedException {
        return call(AcpMethods.TERMINAL_RELEASE, request, ReleaseTerminalResponse.class);
    }

    /**
     * Sends any client method and waits for its result; for methods without a typed call here.
     *
     * @param <R> the result's type
     * @param method the method name, e.g. {@code _vendor/method}
     * @param params the params, serialized as JSON
     * @param resultType the class the result is read as
     * @return the result
     * @throws CapabilityNotAdvertisedException for an {@code fs/} or {@code terminal/} method the
     *         client did not advertise
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
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

    /**
     * Sends a notification to the client.
     *
     * @param method the method name
     * @param params the params, serialized as JSON
     */
    public void notify(String method, Object params) {
        connection.notify(method, params);
    }

    /** As {@link #notify}, with params the mapper already wrote ({@code paramsJson}). */
    void notifyEncoded(String method, byte[] paramsJson) {
        connection.notifyEncoded(method, paramsJson);
    }

    /** As {@link #notifyEncoded(String, byte[])}, the params being {@code length} bytes of {@code paramsJson} from {@code offset}. */
    void notifyEncoded(String method, byte[] paramsJson, int offset, int length) {
        connection.notifyEncoded(method, paramsJson, offset, length);
    }

    /** {@code value} as the connection's mapper writes it, or null when it cannot be written. */
    byte[] encode(Object value) {
        try {
            return connection.mapper().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
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
