package dev.acp4j.conformance.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One agent subprocess: raw stdin lines in, stdout lines out to a consumer, stderr counted
 * (and its tail kept) but never mixed with anything else. Knows how to kill its whole tree.
 */
public final class AgentProcess implements AutoCloseable {

    private static final int STDERR_TAIL = 2048;
    /** Agents still running, killed if the harness itself is stopped (Ctrl-C) mid-run. */
    private static final Set<AgentProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(AgentProcess::killTree),
                "kill-agents-on-exit"));
    }

    private final Process process;
    private final OutputStream stdin;
    private final Path home;
    private final AtomicLong stderrBytes = new AtomicLong();
    private final StringBuilder stderrTail = new StringBuilder();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private AgentProcess(Process process, Path home, Consumer<String> onLine, Runnable onStdoutClosed) {
        this.process = process;
        this.home = home;
        this.stdin = process.getOutputStream();
        this.stdoutPump = daemon("agent-stdout", () -> pumpStdout(onLine, onStdoutClosed));
        this.stderrPump = daemon("agent-stderr", this::pumpStderr);
    }

    /**
     * Starts the agent.
     *
     * @param onLine         called (on a pump thread) with each stdout line
     * @param onStdoutClosed called once when stdout reaches end of stream
     */
    public static AgentProcess start(LaunchSpec spec, Consumer<String> onLine, Runnable onStdoutClosed) {
        Path home = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(spec.command());
            Map<String, String> env = builder.environment();
            if (spec.isolateHome()) {
                home = Files.createTempDirectory("acp-conformance-home-");
                Path config = Files.createDirectories(home.resolve(".config"));
                env.put("HOME", home.toString());
                env.put("USERPROFILE", home.toString());
                env.put("XDG_CONFIG_HOME", config.toString());
            }
            env.putAll(spec.extraEnv());
            if (spec.workDir() != null) {
                builder.directory(spec.workDir().toFile());
            }
            Process process = builder.start();
            AgentProcess agent = new AgentProcess(process, home, onLine, onStdoutClosed);
            LIVE.add(agent);
            agent.stdoutPump.start();
            agent.stderrPump.start();
            return agent;
        } catch (IOException e) {
            deleteTree(home);
            throw new AgentFailure("cannot start agent " + spec.command() + ": " + e.getMessage());
        }
    }

    /** Writes one line (a newline is appended) and flushes. */
    public synchronized void writeLine(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new AgentFailure("cannot write to the agent's stdin (" + e.getMessage() + ")" + exitNote());
        }
    }

    /** Closes the agent's stdin: end of input. */
    public synchronized void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed or broken: the agent sees EOF either way
        }
    }

    /** Waits up to the given time for the process to exit; true if it did. */
    public boolean waitForExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** " (agent exited with code N)" when it has exited, else empty. */
    public String exitNote() {
        return process.isAlive() ? "" : " (agent exited with code " + process.exitValue() + ")";
    }

    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    public long stderrBytes() {
        return stderrBytes.get();
    }

    public String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString();
        }
    }

    /** Kills the process and all its descendants: politely first, then forcibly. */
    public void killTree() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!waitForExit(500)) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        waitForExit(2000);
    }

    /**
     * Ends the process: closes stdin, gives it a second to exit on its own, then kills the tree
     * (including descendants it left behind), joins the pumps and deletes the temporary HOME.
     */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        closeStdin();
        if (!waitForExit(1000)) {
            killTree();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        LIVE.remove(this);
        join(stdoutPump);
        join(stderrPump);
        deleteTree(home);
    }

    private void pumpStdout(Consumer<String> onLine, Runnable onClosed) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                onLine.accept(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // stream closed under us: treated as end of stdout
        } finally {
            onClosed.run();
        }
    }

    private void pumpStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buffer)) >= 0) {
                stderrBytes.addAndGet(n);
                synchronized (stderrTail) {
                    stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > STDERR_TAIL) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // end of stderr
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
