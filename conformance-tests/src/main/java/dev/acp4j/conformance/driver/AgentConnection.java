package dev.acp4j.conformance.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The client end of a JSON-RPC 2.0 conversation with one agent process: sends raw lines,
 * requests and notifications; records every stdout line (classified) for later judgement;
 * answers the agent's own requests through {@link ClientSide}. Every wait is bounded.
 */
public final class AgentConnection implements AutoCloseable {

    private final AgentProcess process;
    private final long responseTimeoutMillis;
    private final long startNanos = System.nanoTime();
    private final AtomicLong nextId = new AtomicLong(1);
    private final List<Inbound> inbound = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private final Map<String, String> requestMethods = new ConcurrentHashMap<>();
    private final ExecutorService answering = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "harness-client-side");
        thread.setDaemon(true);
        return thread;
    });
    private boolean stdoutClosed;
    private volatile ScriptedBrowser browser;
    private final List<ScriptedBrowser.Outcome> signIns = new ArrayList<>();

    private AgentConnection(LaunchSpec spec, long responseTimeoutMillis) {
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.process = AgentProcess.start(spec, this::onLine, this::onStdoutClosed);
    }

    public static AgentConnection open(LaunchSpec spec, long responseTimeoutMillis) {
        return new AgentConnection(spec, responseTimeoutMillis);
    }

    public long responseTimeoutMillis() {
        return responseTimeoutMillis;
    }

    /** A fresh integer id for a harness request. */
    public JsonNode nextId() {
        return BigIntegerNode.valueOf(BigInteger.valueOf(nextId.getAndIncrement()));
    }

    /** Sends a request with a fresh id; returns that id. */
    public JsonNode request(String method, JsonNode params) {
        JsonNode id = nextId();
        request(id, method, params);
        return id;
    }

    /** Sends a request with the given id. */
    public void request(JsonNode id, String method, JsonNode params) {
        ObjectNode message = Json.object().put("jsonrpc", "2.0");
        message.set("id", id);
        message.put("method", method);
        requestMethods.put(Json.write(id), method);
        if (params != null) {
            message.set("params", params);
        }
        sendRaw(Json.write(message));
    }

    public void notify(String method, JsonNode params) {
        ObjectNode message = Json.object().put("jsonrpc", "2.0").put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        sendRaw(Json.write(message));
    }

    public void sendRaw(String line) {
        record(">> " + line);
        process.writeLine(line);
    }

    /** Sends a request and waits (response timeout) for its response. */
    public Response call(String method, JsonNode params) {
        return await(request(method, params), method, responseTimeoutMillis);
    }

    /**
     * Waits for the response whose id is exactly {@code id} (same JSON text).
     *
     * @throws AgentFailure when none arrives in time or stdout closes first
     */
    public Response await(JsonNode id, String method, long timeoutMillis) {
        Inbound in = awaitInbound(candidate -> candidate.answers(id), 0, timeoutMillis).orElseThrow(() ->
                new AgentFailure(noAnswer(method + " (id " + Json.write(id) + ")", timeoutMillis)));
        return new Response(method, in.json());
    }

    /**
     * Waits for the first stdout line at or after position {@code fromSeq} matching the predicate.
     * Empty on timeout or when stdout closed without one.
     */
    public Optional<Inbound> awaitInbound(Predicate<Inbound> predicate, long fromSeq, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (inbound) {
            int checked = (int) Math.min(fromSeq, Integer.MAX_VALUE);
            while (true) {
                for (; checked < inbound.size(); checked++) {
                    if (predicate.test(inbound.get(checked))) {
                        return Optional.of(inbound.get(checked));
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (stdoutClosed || remaining <= 0) {
                    return Optional.empty();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inbound, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** The number of stdout lines so far: a position to wait or look from. */
    public long mark() {
        synchronized (inbound) {
            return inbound.size();
        }
    }

    public List<Inbound> inbound() {
        synchronized (inbound) {
            return List.copyOf(inbound);
        }
    }

    public List<Inbound> inboundSince(long fromSeq) {
        synchronized (inbound) {
            return List.copyOf(inbound.subList((int) Math.min(fromSeq, inbound.size()), inbound.size()));
        }
    }

    public boolean stdoutClosed() {
        synchronized (inbound) {
            return stdoutClosed;
        }
    }

    public void closeStdin() {
        record("-- harness closed stdin");
        process.closeStdin();
    }

    public boolean waitForExit(long millis) {
        return process.waitForExit(millis);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long stderrBytes() {
        return process.stderrBytes();
    }

    public String stderrTail() {
        return process.stderrTail();
    }

    public void killTree() {
        record("-- harness killed the agent's process tree");
        process.killTree();
    }

    /** The method of each request the harness sent, by the id's JSON text. */
    public Map<String, String> requestMethods() {
        return Map.copyOf(requestMethods);
    }

    public List<String> transcript() {
        synchronized (transcript) {
            return List.copyOf(transcript);
        }
    }

    /**
     * Why {@code what} got no answer: "the agent closed stdout (exit code N) before answering
     * WHAT" when it did, else "no response to WHAT within T ms".
     */
    public String noAnswer(String what, long timeoutMillis) {
        if (stdoutClosed()) {
            process.waitForExit(200);
            Integer code = process.exitCode();
            return "the agent closed stdout" + (code == null ? "" : " (exit code " + code + ")")
                    + " before answering " + what;
        }
        return "no response to " + what + " within " + timeoutMillis + " ms";
    }

    /** " (agent closed stdout, exit code N)" when it did, else empty: for reasons about a stopped agent. */
    public String endNote() {
        if (!stdoutClosed()) {
            return "";
        }
        process.waitForExit(200);
        Integer code = process.exitCode();
        return " (agent closed stdout" + (code == null ? "" : ", exit code " + code) + ")";
    }

    @Override
    public void close() {
        process.close();
        answering.shutdownNow();
    }

    private void onLine(String line) {
        record("<< " + line);
        Inbound in;
        synchronized (inbound) {
            in = Inbound.classify(inbound.size(), line);
            inbound.add(in);
            inbound.notifyAll();
        }
        if (in.kind() == Inbound.Kind.REQUEST) {
            ScriptedBrowser opener = browser;
            JsonNode params = in.json().path("params");
            String url = params.path("url").asText(null);
            boolean open = opener != null && "elicitation/create".equals(in.method())
                    && "url".equals(params.path("mode").asText()) && url != null;
            ObjectNode answer = ClientSide.answer(in.json(), open);
            answering.execute(() -> {
                try {
                    sendRaw(Json.write(answer));
                } catch (AgentFailure e) {
                    record("-- could not answer the agent's request: " + e.getMessage());
                    return;
                }
                if (open) {
                    Thread thread = new Thread(() -> signIn(opener, url), "harness-scripted-browser");
                    thread.setDaemon(true);
                    thread.start();
                }
            });
        }
    }

    /**
     * From now on, accepts every URL elicitation and opens its URL with {@code browser} (null:
     * decline them again).
     */
    public void openUrlElicitationsWith(ScriptedBrowser browser) {
        this.browser = browser;
    }

    /** The outcomes of the scripted browser's sign-ins so far, in order. */
    public List<ScriptedBrowser.Outcome> signIns() {
        synchronized (signIns) {
            return List.copyOf(signIns);
        }
    }

    private void signIn(ScriptedBrowser opener, String url) {
        record("-- scripted browser opens " + url);
        ScriptedBrowser.Outcome outcome = opener.signIn(url);
        record("-- scripted browser: " + (outcome.submitted() ? "submitted the form" : outcome.problem()));
        synchronized (signIns) {
            signIns.add(outcome);
        }
    }

    private void onStdoutClosed() {
        record("-- agent closed stdout");
        synchronized (inbound) {
            stdoutClosed = true;
            inbound.notifyAll();
        }
    }

    private void record(String entry) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        synchronized (transcript) {
            transcript.add(String.format("%7d ms %s", millis, entry));
        }
    }
}
