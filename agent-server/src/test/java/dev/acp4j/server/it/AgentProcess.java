package dev.acp4j.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The real launcher, {@code bin/acp4j}, as a subprocess: raw lines in, raw lines out. Every
 * stdout line is kept (and must be JSON-RPC); stderr is collected separately.
 */
final class AgentProcess implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<String> stdoutLines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> nonJsonStdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> sentLines = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread stdoutPump;
    private final AtomicLong nextId = new AtomicLong(1000);
    private final Semaphore reading = new Semaphore(1);
    private final List<TranscriptLine> transcript = Collections.synchronizedList(new ArrayList<>());
    private final Map<JsonNode, String> rawLines = Collections.synchronizedMap(new IdentityHashMap<>());

    /** One line that crossed the pipe, in the order it did: {@code in} = to the agent. */
    record TranscriptLine(boolean in, String line) {
    }

    private AgentProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdoutPump = pump(process.getInputStream());
        pumpStderr(process.getErrorStream());
    }

    static Path launcher() {
        String configured = System.getProperty("acp4j.launcher");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "bin", "acp4j");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("launcher not found or not executable: " + path.toAbsolutePath());
        }
        return path.toAbsolutePath().normalize();
    }

    static AgentProcess start(Path home, Map<String, String> env, String... args) throws IOException {
        return start(launcher(), home, env, args);
    }

    /** A launcher other than the build's, e.g. a copy of the installation. */
    static AgentProcess start(Path launcher, Path home, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("ACP4J_") || k.equals("XDG_CONFIG_HOME")
                || k.equals("XDG_DATA_HOME") || k.equals("OPENAI_API_KEY") || k.equals("SSH_CONNECTION")
                || k.equals("SSH_TTY") || k.equals("BROWSER"));
        builder.environment().put("HOME", home.toString());
        if (!env.containsKey("BROWSER")) {
            // Nothing opens a real browser: a test that wants one passes a fake as BROWSER.
            builder.environment().put("ACP4J_NO_BROWSER", "1");
        }
        builder.environment().putAll(env);
        return new AgentProcess(builder.start());
    }

    private Thread pump(InputStream out) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                String line;
                while (true) {
                    reading.acquireUninterruptibly();
                    reading.release();
                    if ((line = reader.readLine()) == null) {
                        break;
                    }
                    stdoutLines.add(line);
                    transcript.add(new TranscriptLine(false, line));
                    try {
                        JsonNode message = JSON.readTree(line);
                        rawLines.put(message, line);
                        messages.add(message);
                    } catch (IOException e) {
                        nonJsonStdout.add(line);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "agent-stdout");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void pumpStderr(InputStream err) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = err.read(buffer)) > 0) {
                    synchronized (stderr) {
                        stderr.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "agent-stderr");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading stdout (a slow client): once the pipe is full, the agent's writes block. */
    void pauseReading() {
        reading.acquireUninterruptibly();
    }

    void resumeReading() {
        reading.release();
    }

    void sendRaw(String line) throws IOException {
        sentLines.add(line);
        transcript.add(new TranscriptLine(true, line));
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                transcript.add(new TranscriptLine(true, line));
            }
        }
        stdin.write(bytes);
        stdin.flush();
    }

    long request(String method, Object params) throws IOException {
        long id = nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.set("params", JSON.valueToTree(params));
        }
        sendRaw(message.toString());
        return id;
    }

    void notify(String method, Object params) throws IOException {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        message.set("params", JSON.valueToTree(params));
        sendRaw(message.toString());
    }

    void respond(JsonNode id, Object result) throws IOException {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.set("result", JSON.valueToTree(result));
        sendRaw(message.toString());
    }

    /** Sends a request and returns its answer, skipping (and keeping) anything else that arrives. */
    JsonNode call(String method, Object params) throws Exception {
        long id = request(method, params);
        return awaitResponse(id);
    }

    JsonNode awaitResponse(long id) throws InterruptedException {
        return await(m -> m.has("id") && m.get("id").isIntegralNumber() && m.get("id").asLong() == id
                && !m.has("method"), 10_000);
    }

    private final List<JsonNode> skipped = Collections.synchronizedList(new ArrayList<>());

    /** The next message matching {@code test}; earlier non-matching ones are kept for {@link #skipped()}. */
    JsonNode await(Predicate<JsonNode> test, long timeoutMillis) throws InterruptedException {
        synchronized (skipped) {
            for (JsonNode m : skipped) {
                if (test.test(m)) {
                    skipped.remove(m);
                    return m;
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode next = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching message within " + timeoutMillis + " ms; stderr:\n" + stderr());
            }
            if (test.test(next)) {
                return next;
            }
            skipped.add(next);
        }
    }

    /** Reads messages until the answer to request {@code id}, adding the others to {@code before}. */
    JsonNode collectUntilResponse(long id, List<JsonNode> before) throws InterruptedException {
        return collectUntilResponse(id, before, 10_000);
    }

    /** As {@link #collectUntilResponse(long, List)}, waiting up to {@code timeoutMillis} for each message. */
    JsonNode collectUntilResponse(long id, List<JsonNode> before, long timeoutMillis) throws InterruptedException {
        while (true) {
            JsonNode message = next(timeoutMillis);
            if (message.has("id") && !message.has("method") && message.get("id").asLong() == id) {
                return message;
            }
            before.add(message);
        }
    }

    /** The stdout line, byte for byte as written, that {@code message} (returned by this process) was parsed from. */
    String rawLine(JsonNode message) {
        String line = rawLines.get(message);
        if (line == null) {
            throw new IllegalArgumentException("not a message of this process: " + message);
        }
        return line;
    }

    /** The next message, whatever it is. */
    JsonNode next(long timeoutMillis) throws InterruptedException {
        return await(m -> true, timeoutMillis);
    }

    /** Null when nothing arrives within the time. */
    JsonNode poll(long millis) throws InterruptedException {
        synchronized (skipped) {
            if (!skipped.isEmpty()) {
                return skipped.remove(0);
            }
        }
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    JsonNode initialize(Object clientCapabilities) throws Exception {
        return call("initialize", Map.of("protocolVersion", 1, "clientCapabilities", clientCapabilities));
    }

    String newSession(Path cwd) throws Exception {
        JsonNode answer = call("session/new", Map.of("cwd", cwd.toString(), "mcpServers", List.of()));
        if (!answer.has("result")) {
            throw new AssertionError("session/new failed: " + answer);
        }
        return answer.at("/result/sessionId").asText();
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the JVM runs its shutdown hooks, then exits. */
    void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    List<String> stdoutLines() throws InterruptedException {
        if (!process.isAlive()) {
            stdoutPump.join(2000);
        }
        return List.copyOf(stdoutLines);
    }

    List<String> nonJsonStdout() {
        return List.copyOf(nonJsonStdout);
    }

    List<TranscriptLine> transcript() throws InterruptedException {
        if (!process.isAlive()) {
            stdoutPump.join(2000);
        }
        return List.copyOf(transcript);
    }

    List<String> sentLines() {
        return List.copyOf(sentLines);
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already closed
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
