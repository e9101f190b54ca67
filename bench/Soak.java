import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The soak of issue 17 (bench only, not CI): one acp4j process, {@code --turns N} prompt turns
 * (50,000 by default) in sessions of {@code --turns-per-session M} (10): each session is created,
 * prompted M times, closed, loaded (its conversation replayed), closed and deleted. Every
 * {@code --sample-every K} turns (5,000) it prints the agent's VmRSS and open file descriptors
 * from /proc. Java 17 single-file program: {@code java bench/Soak.java --acp4j-home DIR}.
 */
public final class Soak {

    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\":\"([^\"]+)\"");

    private final BufferedReader out;
    private final OutputStream in;
    private long nextId = 1;

    private Soak(Process process) {
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.getOutputStream();
    }

    public static void main(String[] args) throws Exception {
        int turns = 50_000;
        int perSession = 10;
        int sampleEvery = 5_000;
        Path acp4jHome = Path.of(".");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--turns" -> turns = Integer.parseInt(args[i + 1]);
                case "--turns-per-session" -> perSession = Integer.parseInt(args[i + 1]);
                case "--sample-every" -> sampleEvery = Integer.parseInt(args[i + 1]);
                case "--acp4j-home" -> acp4jHome = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path home = Files.createTempDirectory("acp4j-soak");
        Path project = Files.createDirectories(home.resolve("project"));
        Path config = Files.writeString(home.resolve("empty.json"), "{}");
        ProcessBuilder builder = new ProcessBuilder(acp4jHome.resolve("bin/acp4j").toString(), "--config", config.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_DATA_HOME");
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("stderr.log").toFile()));
        Process process = builder.start();
        Soak soak = new Soak(process);
        soak.call("initialize", "{\"protocolVersion\":1,\"clientCapabilities\":{}}");

        System.out.printf("%-8s %-9s %-10s %-8s %-9s%n", "turns", "sessions", "VmRSS kB", "open fds", "seconds");
        long started = System.nanoTime();
        int sessions = 0;
        String cwd = "\"cwd\":\"" + project + "\"";
        for (int done = 0; done < turns; ) {
            String created = soak.call("session/new", "{" + cwd + ",\"mcpServers\":[]}");
            Matcher id = SESSION_ID.matcher(created);
            if (!id.find()) {
                throw new IllegalStateException("session/new failed: " + created);
            }
            String session = "\"sessionId\":\"" + id.group(1) + "\"";
            sessions++;
            for (int t = 0; t < perSession && done < turns; t++, done++) {
                if (done % sampleEvery == 0) {
                    sample(process.pid(), done, sessions, started);
                }
                soak.call("session/prompt", "{" + session + ",\"prompt\":[{\"type\":\"text\",\"text\":\"turn " + done + "\"}]}");
            }
            soak.call("session/close", "{" + session + "}");
            soak.call("session/load", "{" + session + "," + cwd + ",\"mcpServers\":[]}");
            soak.call("session/close", "{" + session + "}");
            soak.call("session/delete", "{" + session + "}");
        }
        sample(process.pid(), turns, sessions, started);
        soak.in.close();
        System.out.println("exit status " + process.waitFor() + "; stderr in " + home.resolve("stderr.log"));
    }

    /** Sends a request and returns its answer line; notifications before it are read and dropped. */
    private String call(String method, String params) throws IOException {
        long id = nextId++;
        in.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        in.flush();
        String tag = "\"id\":" + id + ",";
        while (true) {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the agent ended before answering " + method);
            }
            if (line.contains(tag) && !line.contains("\"method\"")) {
                if (line.contains("\"error\"")) {
                    throw new IllegalStateException(method + " failed: " + line);
                }
                return line;
            }
        }
    }

    private static void sample(long pid, int turns, int sessions, long started) throws IOException {
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring("VmRSS:".length()).replace("kB", "").strip();
            }
        }
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = open.count();
        }
        System.out.printf("%-8d %-9d %-10s %-8d %-9.1f%n", turns, sessions, rss, fds, (System.nanoTime() - started) / 1e9);
    }
}
