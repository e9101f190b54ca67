package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bidirectional JSON-RPC 2.0 peer over a newline-delimited byte stream pair.
 *
 * <p>One read-loop thread parses each line and routes it: requests to their handlers,
 * notifications to theirs, responses to the outgoing request waiting for them. The loop
 * never waits for handler work; every answer is written through one {@link LineWriter}.
 */
public final class JsonRpcConnection implements AutoCloseable {

    /** The cancellation notification of LSP and ACP: {@code {"requestId": id}}. */
    public static final String CANCEL_REQUEST = "$/cancel_request";

    /** Default bound on one incoming line. */
    public static final int DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;

    /**
     * After the input ends: how long requests already read may take to be answered, first on
     * their own, then again once cancelled. Short, because an editor expects a prompt exit.
     */
    static final Duration END_OF_INPUT_DRAIN = Duration.ofMillis(300);

    private static final Logger log = LoggerFactory.getLogger(JsonRpcConnection.class);

    private final ObjectMapper mapper;
    private final MethodTable methods;
    private final LineReader reader;
    private final LineWriter writer;
    private final MessageEncoder encoder;
    private final ParamsBinder binder;
    private final TraceSink trace;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final int maxLineBytes;

    private final Map<String, CancellationToken> inFlight = new ConcurrentHashMap<>();
    private final Map<String, PendingRequest<?>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final Set<CompletableFuture<Void>> unanswered = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean inputEnded;
    private volatile boolean closing;

    private JsonRpcConnection(Builder b) {
        this.mapper = b.mapper;
        this.methods = b.methods;
        this.trace = b.trace;
        this.maxLineBytes = b.maxLineBytes;
        this.reader = new LineReader(b.in, b.maxLineBytes);
        this.writer = new LineWriter(b.out, b.trace, b.beforeWrite);
        this.encoder = new MessageEncoder(b.mapper, b.direct);
        this.binder = new ParamsBinder(b.mapper, b.direct);
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newCachedThreadPool(daemonThreads("acp4j-handler-"));
    }

    /**
     * A connection reading newline-delimited JSON-RPC messages from {@code in} and writing them to {@code out}.
     *
     * @param in the peer's messages (for an agent, stdin)
     * @param out where messages go (for an agent, stdout, which carries nothing else)
     * @return a builder
     */
    public static Builder builder(InputStream in, OutputStream out) {
        return new Builder(in, out);
    }

    /**
     * Starts the read loop on its own thread.
     *
     * @return this connection
     */
    public JsonRpcConnection start() {
        Thread thread = new Thread(this::readLoop, "acp4j-read-loop");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /**
     * Completes when the input reached its end and the connection shut down: the requests read
     * before the end have been answered by then, unless they took too long. Completes
     * exceptionally when the read loop itself failed (not on an input error, which ends the input).
     *
     * @return the future of the shutdown
     */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** {@return the mapper that binds params and results} */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Sends a request to the peer; the future holds its result bound to {@code resultType}.
     *
     * @param <R> the result type
     * @param method the method, e.g. {@code fs/read_text_file}
     * @param params the params, written by the mapper
     * @param resultType the result type
     * @return the future result
     */
    public <R> CompletableFuture<R> request(String method, Object params, Class<R> resultType) {
        return request(method, params, resultType, null);
    }

    /**
     * Sends a request to the peer. The future fails with {@link JsonRpcException} when the peer
     * answers with an error, with {@link TimeoutException} after {@code timeout} (when not
     * null), with {@link ConnectionClosedException} when the connection closes first.
     * Cancelling the future, or its timing out, sends the peer {@code $/cancel_request}.
     *
     * @param <R> the result type
     * @param method the method, e.g. {@code session/request_permission}
     * @param params the params, written by the mapper
     * @param resultType the result type
     * @param timeout how long to wait for the answer, or null for ever
     * @return the future result
     */
    public <R> CompletableFuture<R> request(String method, Object params, Class<R> resultType, Duration timeout) {
        long id = nextId.getAndIncrement();
        String key = Long.toString(id);
        CompletableFuture<R> future = new CompletableFuture<>();
        pending.put(key, new PendingRequest<>(resultType, future));
        future.whenComplete((value, failure) -> {
            if (pending.remove(key) != null && !closing
                    && (failure instanceof CancellationException || failure instanceof TimeoutException)) {
                notify(CANCEL_REQUEST, Map.of("requestId", id));
            }
        });
        if (timeout != null) {
            future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (closing || inputEnded) {
            future.completeExceptionally(new ConnectionClosedException());
            return future;
        }
        try {
            writer.writeLine(encoder.request(id, method, params));
        } catch (JsonProcessingException | RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /**
     * Sends a notification to the peer: queued and written promptly by the output's flusher
     * thread, with the lines queued beside it, and always before anything written after it.
     * Fails silently (logged) once the output is gone.
     *
     * @param method the method, e.g. {@code session/update}
     * @param params the params, written by the mapper
     */
    public void notify(String method, Object params) {
        try {
            writer.writeLineSoon(encoder.notification(method, params));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode params of " + method, e);
        } catch (UncheckedIOException e) {
            log.debug("notification {} not sent: output closed", method);
        }
    }

    /**
     * As {@link #notify}, with params already encoded (one JSON object, on one line, as the
     * connection's mapper writes it): a caller that has serialized a value for another use (a
     * session store, say) sends those same bytes instead of serializing it again.
     *
     * @param method the method, e.g. {@code session/update}
     * @param paramsJson the params, encoded
     */
    public void notifyEncoded(String method, byte[] paramsJson) {
        notifyEncoded(method, paramsJson, 0, paramsJson.length);
    }

    /**
     * As {@link #notifyEncoded(String, byte[])}, with the params the {@code length} bytes of
     * {@code paramsJson} from {@code offset}; they are copied before this returns, so the caller
     * may reuse its buffer.
     *
     * @param method the method, e.g. {@code session/update}
     * @param paramsJson holds the params, encoded
     * @param offset where they start
     * @param length how many bytes they are
     */
    public void notifyEncoded(String method, byte[] paramsJson, int offset, int length) {
        try {
            writer.writeLineSoon(encoder.notificationPrefix(method), paramsJson, offset, length, '}');
        } catch (UncheckedIOException e) {
            log.debug("notification {} not sent: output closed", method);
        }
    }

    /** Writes the notifications queued so far on this thread, before it returns (for a caller that reads the output in step). */
    void flushQueued() {
        writer.flush();
    }

    /** Stops serving: pending outgoing requests fail, handlers are cancelled. */
    @Override
    public void close() {
        shutdown(null);
    }

    private void readLoop() {
        Throwable failure = null;
        try {
            readLines(reader);
        } catch (IOException e) {
            log.debug("input failed: {}", e.toString());
        } catch (RuntimeException | Error e) {
            log.error("read loop stopped by an unexpected failure", e);
            failure = e;
        } finally {
            endOfInput(failure);
        }
    }

    /**
     * Handles every line {@code lines} holds, up to its end. The read loop runs it over the
     * connection's input; the fuzz targets run it on their own thread, one input at a time, over
     * one connection that is never started.
     */
    void readLines(LineReader lines) throws IOException {
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            if (line.outOfMemory()) {
                write(Response.error(NullNode.getInstance(), notEnoughMemory(line.length())));
                continue;
            }
            if (line.tooLong()) {
                write(Response.error(NullNode.getInstance(),
                        JsonRpcError.invalidRequest("message longer than " + maxLineBytes + " bytes")));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            trace.incoming(line.bytes(), line.length());
            try {
                handleLine(line);
            } catch (OutOfMemoryError e) {
                // The failed allocation was this message's: it is garbage now, and the loop goes on.
                log.warn("not enough memory to handle a message of {} bytes", line.length());
                write(Response.error(NullNode.getInstance(), notEnoughMemory(line.length())));
            }
        }
    }

    /**
     * The peer will send nothing more, but may still read: answer the requests it sent, then
     * close. Its answers to our own requests can no longer come, so those fail at once; a
     * request still running after a short while is cancelled, so nothing waits long.
     */
    private void endOfInput(Throwable readLoopFailure) {
        inputEnded = true;
        failPendingRequests();
        awaitAnswers(END_OF_INPUT_DRAIN);
        inFlight.values().forEach(CancellationToken::cancel);
        awaitAnswers(END_OF_INPUT_DRAIN);
        shutdown(readLoopFailure);
    }

    private void awaitAnswers(Duration limit) {
        try {
            CompletableFuture.allOf(unanswered.toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("{} request(s) still unanswered at the end of input", unanswered.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            // tracked answers never complete exceptionally
        }
    }

    /** Tracks the writing of an answer until it is done, whatever happens to it. */
    private void track(CompletableFuture<?> answerWritten) {
        CompletableFuture<Void> done = answerWritten.handle((v, failure) -> null);
        unanswered.add(done);
        done.whenComplete((v, failure) -> unanswered.remove(done));
    }

    private void handleLine(LineReader.Line line) {
        int invalid = Utf8.firstInvalid(line.bytes(), 0, line.length());
        if (invalid >= 0) {
            write(Response.error(NullNode.getInstance(), JsonRpcError.parseError("invalid UTF-8 at byte " + invalid)));
            return;
        }
        JsonNode node;
        try {
            node = mapper.readTree(line.bytes(), 0, line.length());
        } catch (StreamConstraintsException | NumberFormatException e) {
            // NumberFormatException: Jackson's unchecked report of a number it cannot hold (a 20-digit exponent)
            write(Response.error(NullNode.getInstance(), JsonRpcError.parseError("message exceeds a parser limit")));
            return;
        } catch (IOException e) {
            write(Response.error(NullNode.getInstance(), JsonRpcError.parseError(parseProblem(e))));
            return;
        }
        if (node == null || node.isMissingNode()) {
            write(Response.error(NullNode.getInstance(), JsonRpcError.parseError("empty message")));
        } else if (node.isArray()) {
            handleBatch(node);
        } else {
            track(handleMessage(node).thenAccept(response -> {
                if (response != null) {
                    write(response);
                    if (response.context() != null) {
                        response.context().runAfterResponse();
                    }
                }
            }));
        }
    }

    private void handleBatch(JsonNode batch) {
        if (batch.isEmpty()) {
            write(Response.error(NullNode.getInstance(), JsonRpcError.invalidRequest("empty batch")));
            return;
        }
        List<CompletableFuture<Response>> answers = new ArrayList<>(batch.size());
        for (JsonNode element : batch) {
            answers.add(handleMessage(element));
        }
        track(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<Response> responses = answers.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
            if (!responses.isEmpty()) {
                try {
                    writeQuietly(encoder.batch(responses));
                } catch (JsonProcessingException e) {
                    log.error("cannot encode a batch answer", e);
                }
                responses.stream().map(Response::context).filter(Objects::nonNull)
                        .forEach(RequestContext::runAfterResponse);
            }
        }));
    }

    /** Routes one message; the future holds the answer to write, or null when none is due. */
    private CompletableFuture<Response> handleMessage(JsonNode node) {
        if (!node.isObject()) {
            return answer(NullNode.getInstance(), JsonRpcError.invalidRequest("a message must be a JSON object"));
        }
        JsonNode rawId = node.get("id");
        boolean hasId = rawId != null;
        if (hasId && !(rawId.isTextual() || rawId.isNumber() || rawId.isNull())) {
            return answer(NullNode.getInstance(), JsonRpcError.invalidRequest("id must be a string, a number or null"));
        }
        JsonNode id = hasId ? rawId : NullNode.getInstance();
        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isTextual() || !MessageEncoder.VERSION.equals(version.textValue())) {
            return answer(id, JsonRpcError.invalidRequest("jsonrpc must be \"2.0\""));
        }
        JsonNode method = node.get("method");
        if (method == null) {
            if (hasId && (node.has("result") || node.has("error"))) {
                handleResponse(node);
                return CompletableFuture.completedFuture(null);
            }
            return answer(id, JsonRpcError.invalidRequest("method is missing"));
        }
        if (!method.isTextual()) {
            return answer(id, JsonRpcError.invalidRequest("method must be a string"));
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isContainerNode()) {
            return answer(id, JsonRpcError.invalidRequest("params must be an object or an array"));
        }
        if (!hasId) {
            handleNotification(method.textValue(), params);
            return CompletableFuture.completedFuture(null);
        }
        return handleRequest(id, method.textValue(), params);
    }

    private CompletableFuture<Response> handleRequest(JsonNode id, String method, JsonNode params) {
        MethodTable.Route route = methods.requestRoute(method);
        if (route == null) {
            return answer(id, JsonRpcError.methodNotFound(method));
        }
        Object boundParams;
        try {
            boundParams = binder.bind(params, route.paramsType());
        } catch (JsonRpcException e) {
            return answer(id, e.error());
        }
        String key = id.toString();
        CancellationToken token = new CancellationToken();
        inFlight.put(key, token);
        RequestContext context = new RequestContext(id, method, token, this);
        CompletableFuture<Object> result = route.mode() == MethodTable.Mode.READ_LOOP
                ? startOnReadLoop(route, boundParams, context)
                : HandlerTask.submit(executor, route, boundParams, context);
        return result.handle((value, failure) -> {
            inFlight.remove(key, token);
            return failure == null
                    ? new Response(id, value, null, context)
                    : Response.error(id, errorFor(method, id, failure, token));
        });
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Object> startOnReadLoop(MethodTable.Route route, Object params,
                                                             RequestContext context) {
        try {
            var handler = (AsyncRequestHandler<Object, Object>) route.handler();
            return handler.handle(params, context).toCompletableFuture().thenApply(v -> v);
        } catch (Exception | LinkageError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void handleNotification(String method, JsonNode params) {
        if (CANCEL_REQUEST.equals(method)) {
            cancelIncoming(params);
            return;
        }
        MethodTable.Route route = methods.notificationRoute(method);
        if (route == null) {
            log.debug("ignored notification {}", method);
            return;
        }
        try {
            Object bound = binder.bind(params, route.paramsType());
            ((NotificationHandler<Object>) route.handler()).handle(bound);
        } catch (JsonRpcException e) {
            log.warn("ignored {} notification: {}", method, e.error().message());
        } catch (Exception e) {
            log.warn("{} notification handler failed", method, e);
        }
    }

    private void cancelIncoming(JsonNode params) {
        JsonNode requestId = params == null ? null : params.get("requestId");
        if (requestId == null) {
            log.debug("ignored {} without requestId", CANCEL_REQUEST);
            return;
        }
        CancellationToken token = inFlight.get(requestId.toString());
        if (token != null) {
            token.cancel();
        }
    }

    private void handleResponse(JsonNode node) {
        JsonNode id = node.get("id");
        PendingRequest<?> request = id.isIntegralNumber() ? pending.remove(id.asText()) : null;
        if (request == null) {
            log.warn("ignored a response to unknown request id {}", id);
            return;
        }
        JsonNode error = node.get("error");
        // Complete off the read loop: the waiter's continuation must never run on it.
        executor.execute(() -> {
            if (error != null && !error.isNull()) {
                request.fail(new JsonRpcException(readError(error)));
            } else {
                request.complete(mapper, node.get("result"));
            }
        });
    }

    private JsonRpcError readError(JsonNode error) {
        JsonNode code = error.get("code");
        JsonNode message = error.get("message");
        return new JsonRpcError(code != null && code.canConvertToInt() ? code.intValue() : JsonRpcError.INTERNAL_ERROR,
                message != null && message.isTextual() ? message.textValue() : "(no message)",
                error.get("data"));
    }

    private JsonRpcError errorFor(String method, JsonNode id, Throwable failure, CancellationToken token) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonRpcException rpc) {
            return rpc.error();
        }
        if (cause instanceof CancellationException || cause instanceof InterruptedException || token.isCancelled()) {
            return JsonRpcError.requestCancelled();
        }
        // Method and id only: params can hold secrets.
        log.error("{} request (id {}) failed; answered -32603 Internal error (throw a JsonRpcException "
                + "to answer with another error)", method, id, cause);
        return JsonRpcError.internalError();
    }

    private static JsonRpcError notEnoughMemory(int bytesRead) {
        return new JsonRpcError(JsonRpcError.INTERNAL_ERROR,
                "Internal error: not enough memory to handle a message of " + bytesRead + " bytes or more");
    }

    private static CompletableFuture<Response> answer(JsonNode id, JsonRpcError error) {
        return CompletableFuture.completedFuture(Response.error(id, error));
    }

    private void write(Response response) {
        byte[] bytes;
        try {
            bytes = response.error() == null
                    ? encoder.result(response.id(), response.result())
                    : encoder.error(response.id(), response.error());
        } catch (JsonProcessingException | RuntimeException e) {
            log.error("cannot encode the answer to request {}", response.id(), e);
            try {
                bytes = encoder.error(response.id(), JsonRpcError.internalError());
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        writeQuietly(bytes);
    }

    private void writeQuietly(byte[] bytes) {
        try {
            writer.writeLine(bytes);
        } catch (UncheckedIOException e) {
            log.debug("answer not written: output closed");
        }
    }

    private void shutdown(Throwable readLoopFailure) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        inFlight.values().forEach(CancellationToken::cancel);
        failPendingRequests();
        if (ownsExecutor) {
            executor.shutdown();
        }
        // Notifications still queued go out before the connection reports closed (the process may exit then).
        writer.drain(END_OF_INPUT_DRAIN.toMillis());
        if (readLoopFailure == null) {
            closed.complete(null);
        } else {
            closed.completeExceptionally(new IllegalStateException("the read loop failed", readLoopFailure));
        }
    }

    private void failPendingRequests() {
        for (String key : List.copyOf(pending.keySet())) {
            PendingRequest<?> request = pending.remove(key);
            if (request != null) {
                request.fail(new ConnectionClosedException());
            }
        }
    }

    private static String parseProblem(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return "invalid JSON";
        }
        int cut = message.indexOf('\n');
        String firstLine = cut < 0 ? message : message.substring(0, cut);
        return EchoedText.escape(firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine);
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** An outgoing request waiting for the peer's answer. */
    private record PendingRequest<R>(Class<R> resultType, CompletableFuture<R> future) {

        void complete(ObjectMapper mapper, JsonNode result) {
            try {
                JsonNode value = result == null ? NullNode.getInstance() : result;
                if (resultType == JsonNode.class || resultType == ObjectNode.class && value.isObject()) {
                    future.complete(resultType.cast(value));
                    return;
                }
                // a null result reads as {}: an empty answer binds, one missing a required field fails below
                future.complete(mapper.treeToValue(value.isNull() ? mapper.createObjectNode() : value, resultType));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                future.completeExceptionally(new JsonRpcException(
                        JsonRpcError.invalidParams("the peer's result is invalid: " + ParamsBinder.describe(e))));
            }
        }

        void fail(Throwable failure) {
            future.completeExceptionally(failure);
        }
    }

    /** Configures a connection. */
    public static final class Builder {
        private final InputStream in;
        private final OutputStream out;
        private ObjectMapper mapper;
        private MethodTable methods = new MethodTable();
        private ExecutorService executor;
        private TraceSink trace = TraceSink.NONE;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private DirectCodec direct = DirectCodec.NONE;
        private Runnable beforeWrite = () -> { };

        private Builder(InputStream in, OutputStream out) {
            this.in = Objects.requireNonNull(in, "in");
            this.out = Objects.requireNonNull(out, "out");
        }

        /**
         * The mapper for params and results; default: a new {@link Json#newMapper()}.
         *
         * @param value the mapper
         * @return this builder
         */
        public Builder mapper(ObjectMapper value) {
            this.mapper = value;
            return this;
        }

        /**
         * The methods the peer may call.
         *
         * @param value the method table
         * @return this builder
         */
        public Builder methods(MethodTable value) {
            this.methods = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Runs handlers; by default a cached pool of daemon threads owned by the connection.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(ExecutorService value) {
            this.executor = value;
            return this;
        }

        /**
         * Observes every line in and out (for {@code --trace}); default: none.
         *
         * @param value the trace sink
         * @return this builder
         */
        public Builder trace(TraceSink value) {
            this.trace = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The longest message read, in bytes; a longer one is answered with {@code -32600}. Default: {@link #DEFAULT_MAX_LINE_BYTES}.
         *
         * @param value the limit
         * @return this builder
         */
        public Builder maxLineBytes(int value) {
            this.maxLineBytes = value;
            return this;
        }

        /**
         * Binds and writes some types by hand, before databind; default: {@link DirectCodec#NONE}.
         *
         * @param value the codec
         * @return this builder
         */
        public Builder directCodec(DirectCodec value) {
            this.direct = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Runs before each write to the output, on the writing thread, once the lines to write
         * have been taken: what those lines tell the peer (a recorded update, say) can be made
         * durable before the peer can read them. It must not write to this connection.
         *
         * @param value the hook
         * @return this builder
         */
        public Builder beforeWrite(Runnable value) {
            this.beforeWrite = Objects.requireNonNull(value);
            return this;
        }

        /** {@return the connection, not yet started} */
        public JsonRpcConnection build() {
            if (mapper == null) {
                mapper = Json.newMapper();
            }
            return new JsonRpcConnection(this);
        }
    }
}
