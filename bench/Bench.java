import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side-by-side benchmark: acp4j's launcher against the TS SDK example agent, an echo agent on
 * the official Java SDK, the Rust codex-acp agent and the JVM floor program (read a line, print a
 * line), same driver, same run, launches interleaved. Run by {@code bench/run}.
 * Prints progress on stderr and one table on stdout.
 */
public final class Bench {

    static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"clientCapabilities\":{}}}";
    static final String SESSION_NEW =
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"session/new\",\"params\":{\"cwd\":\"%s\",\"mcpServers\":[]}}";
    static final String PROMPT = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"session/prompt\","
            + "\"params\":{\"sessionId\":\"%s\",\"prompt\":[{\"type\":\"text\",\"text\":\"%s\"}]}}";
    static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
    static final long DEADLINE_SECONDS = 300;

    /**
     * One agent under test: how to launch it, the prompt that streams N chunks from it (%d), and
     * whether it takes part in the round-trip and streaming rows (the floor programs and codex-acp,
     * which has no model here, give the start-up figure only).
     */
    record Agent(String name, List<String> command, List<String> streamCommand, String streamPrompt,
                 boolean roundTrips, boolean streams) {
        Agent(String name, List<String> command, List<String> streamCommand, String streamPrompt) {
            this(name, command, streamCommand, streamPrompt, true, true);
        }

        static Agent startupOnly(String name, List<String> command) {
            return new Agent(name, command, command, "", false, false);
        }
    }

    /** Settings from the command line. */
    record Settings(int launches, int requests, int warmupRequests, int chunks, int rounds, Path work, Path acp4jHome) {
        static Settings parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                options.put(args[i], args[i + 1]);
            }
            return new Settings(Integer.parseInt(options.getOrDefault("--launches", "15")),
                    Integer.parseInt(options.getOrDefault("--requests", "5000")),
                    Integer.parseInt(options.getOrDefault("--warmup-requests", "1000")),
                    Integer.parseInt(options.getOrDefault("--chunks", "10000")),
                    Integer.parseInt(options.getOrDefault("--rounds", "3")),
                    Path.of(options.getOrDefault("--work", "bench/.work")),
                    options.containsKey("--acp4j-home") ? Path.of(options.get("--acp4j-home")) : null);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        List<Agent> agents = Agents.all(settings, System.getenv());
        Results results = new Results();
        progress("start-up: %d launches per agent, interleaved (after 2 warm-up launches each)", settings.launches());
        for (int i = 0; i < settings.launches() + 2; i++) {
            for (Agent agent : agents) {
                Measure.Startup startup = Measure.startup(agent, settings.work());
                if (i >= 2) {
                    results.add("startup", agent, startup.initializeMs());
                    if (!Double.isNaN(startup.sessionNewMs())) {
                        results.add("ready", agent, startup.sessionNewMs());
                    }
                }
            }
            progress("  launch round %d/%d done", i + 1, settings.launches() + 2);
        }
        progress("round-trips: %d rounds of %d sequential initialize requests (after %d warm-up)",
                settings.rounds(), settings.requests(), settings.warmupRequests());
        for (int round = 0; round < settings.rounds(); round++) {
            for (Agent agent : agents) {
                if (agent.roundTrips()) {
                    results.add("roundtrips", agent, Measure.roundTrips(agent, settings));
                }
            }
            progress("  round %d/%d done", round + 1, settings.rounds());
        }
        progress("streaming: %d rounds of %d chunks in one prompt turn (after a 1,000-chunk warm-up turn), idle RSS",
                settings.rounds(), settings.chunks());
        for (int round = 0; round < settings.rounds(); round++) {
            for (Agent agent : agents) {
                if (!agent.streams()) {
                    continue;
                }
                Measure.Streamed streamed = Measure.stream(agent, settings);
                results.add("rss", agent, streamed.idleRssMegabytes());
                if (streamed.messagesPerSecond() >= 0) {
                    results.add("stream", agent, streamed.messagesPerSecond());
                }
            }
            progress("  round %d/%d done", round + 1, settings.rounds());
        }
        System.out.print(new Table(agents, results, settings).render());
        System.out.flush();
    }

    static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }

    /**
     * The agents, from the files bench/run installed: acp4j (on the default java and, when bench/run
     * found one, on a JDK 25 with its AOT cache), the TS and Java SDK agents, codex-acp (when
     * installed) and the JVM floor program on both JDKs.
     */
    static final class Agents {
        static List<Agent> all(Settings settings, Map<String, String> env) throws IOException {
            Path root = Path.of(env.getOrDefault("ACP4J_HOME", ".")).toAbsolutePath().normalize();
            Path acp4jHome = settings.acp4jHome() != null ? settings.acp4jHome().toAbsolutePath().normalize() : root;
            Path emptyConfig = settings.work().resolve("empty-config.json");
            Files.writeString(emptyConfig, "{}");
            String launcher = acp4jHome.resolve("bin/acp4j").toString();
            List<String> acp4j = List.of("env", "-u", "JAVA_HOME", launcher, "--config", emptyConfig.toString());
            Path sdk = settings.work().resolve("ts/node_modules/@agentclientprotocol/sdk/dist/examples/agent.js");
            List<String> ts = List.of("node", sdk.toString());
            List<String> tsStream = List.of("node", root.resolve("bench/ts-stream-agent.mjs").toString());
            List<String> javaSdk = List.of("java", "-jar",
                    root.resolve("bench/java-sdk-agent/target/java-sdk-echo-agent.jar").toString());
            List<Agent> agents = new ArrayList<>(List.of(
                    new Agent(ACP4J, acp4j, acp4j, "/burst %d"),
                    new Agent(TS, ts, tsStream, "%d"),
                    new Agent(JAVA, javaSdk, javaSdk, "/stream %d")));
            String jdk25 = env.getOrDefault("BENCH_JDK25", "");
            if (!jdk25.isEmpty()) {
                List<String> acp4j25 = List.of("env", "JAVA_HOME=" + jdk25, launcher, "--config", emptyConfig.toString());
                agents.add(1, new Agent(ACP4J_25, acp4j25, acp4j25, "/burst %d"));
            }
            String codex = env.getOrDefault("BENCH_CODEX_ACP", "");
            if (!codex.isEmpty()) {
                Path codexHome = Files.createDirectories(settings.work().resolve("codex-home"));
                agents.add(Agent.startupOnly(CODEX, List.of("env", "CODEX_HOME=" + codexHome, codex)));
            }
            Path floorJar = settings.work().resolve("floor/floor.jar");
            agents.add(Agent.startupOnly(FLOOR_17, List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto", "-cp", floorJar.toString(), "Floor")));
            Path floorCache = settings.work().resolve("floor/floor.aot");
            if (!jdk25.isEmpty() && Files.exists(floorCache)) {
                agents.add(Agent.startupOnly(FLOOR_25, List.of(jdk25 + "/bin/java", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "-XX:AOTCache=" + floorCache, "-cp", floorJar.toString(), "Floor")));
            }
            return agents;
        }
    }

    static final String ACP4J = "acp4j";
    static final String ACP4J_25 = "acp4j JDK25";
    static final String TS = "TS SDK";
    static final String JAVA = "Java SDK";
    static final String CODEX = "codex-acp";
    static final String FLOOR_17 = "floor JDK17";
    static final String FLOOR_25 = "floor JDK25";

    /** One running agent process and the JSON-RPC lines it writes. */
    static final class Peer implements AutoCloseable {
        final Process process;
        final OutputStream stdin;
        final BufferedReader stdout;

        Peer(List<String> command, Path work, String name) throws IOException {
            Path logs = Files.createDirectories(work.resolve("logs"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(name.replace(' ', '-') + ".stderr").toFile()));
            this.process = builder.start();
            this.stdin = process.getOutputStream();
            this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
            Watchdog.guard(process);
        }

        void send(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        /** Reads until the answer to request {@code id}; returns it, counting chunks seen on the way. */
        String awaitAnswer(int id, long[] chunkCounter) throws IOException {
            String idField = "\"id\":" + id;
            while (true) {
                String line = stdout.readLine();
                if (line == null) {
                    throw new IOException("the agent closed stdout before answering request " + id);
                }
                if (line.contains("\"session/update\"")) {
                    if (chunkCounter != null && line.contains("agent_message_chunk")) {
                        chunkCounter[0]++;
                    }
                } else if (isAnswer(line, idField)) {
                    return line;
                }
            }
        }

        private static boolean isAnswer(String line, String idField) {
            int at = line.indexOf(idField);
            if (at < 0 || line.startsWith("\"method\"", line.indexOf('{') + 1)) {
                return false;
            }
            char next = line.charAt(at + idField.length());
            return (next == ',' || next == '}') && (line.contains("\"result\"") || line.contains("\"error\""));
        }

        long rssKilobytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IOException("no VmRSS for pid " + process.pid());
        }

        @Override
        public void close() throws IOException {
            stdin.close();
            try {
                // codex-acp does not exit at stdin EOF: it is asked to (SIGTERM) after 2 s
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroy();
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Kills an agent that hangs, so that the bench always ends. */
    static final class Watchdog {
        static void guard(Process process) {
            Thread thread = new Thread(() -> {
                try {
                    if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                        progress("  an agent (pid %d) ran longer than %d s: killed", process.pid(), DEADLINE_SECONDS);
                        process.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    // the bench is ending
                }
            }, "bench-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The measurements, each on a fresh process. */
    static final class Measure {
        record Streamed(double idleRssMegabytes, double messagesPerSecond) {
        }

        /** Spawn to the {@code initialize} answer and, for an agent with sessions, to the {@code session/new} answer sent after it. */
        record Startup(double initializeMs, double sessionNewMs) {
        }

        /**
         * One launch as an editor opens a panel: {@code initialize}, and once it is answered,
         * {@code session/new} (agents with sessions only: not codex-acp, which has no model here, nor
         * the floor programs).
         */
        static Startup startup(Agent agent, Path work) throws IOException {
            long start = System.nanoTime();
            try (Peer peer = new Peer(agent.command(), work, agent.name())) {
                peer.send(String.format(Locale.ROOT, INITIALIZE, 0));
                peer.awaitAnswer(0, null);
                double initialized = (System.nanoTime() - start) / 1e6;
                if (!agent.streams()) {
                    return new Startup(initialized, Double.NaN);
                }
                peer.send(String.format(Locale.ROOT, SESSION_NEW, 1, System.getProperty("java.io.tmpdir")));
                peer.awaitAnswer(1, null);
                return new Startup(initialized, (System.nanoTime() - start) / 1e6);
            }
        }

        /** Sequential request/answer pairs per second: the next request is sent once the answer arrived. */
        static double roundTrips(Agent agent, Settings settings) throws IOException {
            try (Peer peer = new Peer(agent.command(), settings.work(), agent.name())) {
                int id = 0;
                for (; id <= settings.warmupRequests(); id++) {
                    peer.send(String.format(Locale.ROOT, INITIALIZE, id));
                    peer.awaitAnswer(id, null);
                }
                long start = System.nanoTime();
                for (int end = id + settings.requests(); id < end; id++) {
                    peer.send(String.format(Locale.ROOT, INITIALIZE, id));
                    peer.awaitAnswer(id, null);
                }
                return settings.requests() / ((System.nanoTime() - start) / 1e9);
            }
        }

        /** Idle RSS one second after {@code session/new}, then chunks per second of one long prompt turn. */
        static Streamed stream(Agent agent, Settings settings) throws IOException, InterruptedException {
            double rss;
            try (Peer peer = new Peer(agent.command(), settings.work(), agent.name())) {
                String sessionId = openSession(peer);
                Thread.sleep(1000);
                rss = peer.rssKilobytes() / 1024.0;
                if (agent.streamCommand() == agent.command()) {
                    return new Streamed(rss, streamRate(peer, sessionId, agent, settings.chunks()));
                }
            }
            try (Peer peer = new Peer(agent.streamCommand(), settings.work(), agent.name() + " stream")) {
                return new Streamed(rss, streamRate(peer, openSession(peer), agent, settings.chunks()));
            }
        }

        private static String openSession(Peer peer) throws IOException {
            peer.send(String.format(Locale.ROOT, INITIALIZE, 0));
            peer.awaitAnswer(0, null);
            peer.send(String.format(Locale.ROOT, SESSION_NEW, 1, System.getProperty("java.io.tmpdir")));
            Matcher matcher = SESSION_ID.matcher(peer.awaitAnswer(1, null));
            if (!matcher.find()) {
                throw new IOException("session/new was not answered with a sessionId");
            }
            return matcher.group(1);
        }

        private static double streamRate(Peer peer, String sessionId, Agent agent, int chunks) throws IOException {
            prompt(peer, 2, sessionId, agent, 1000);
            long start = System.nanoTime();
            long seen = prompt(peer, 3, sessionId, agent, chunks);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seen != chunks) {
                throw new IOException(agent.name() + " streamed " + seen + " chunks, not " + chunks);
            }
            return seen / seconds;
        }

        private static long prompt(Peer peer, int id, String sessionId, Agent agent, int chunks) throws IOException {
            long[] seen = {0};
            peer.send(String.format(Locale.ROOT, PROMPT, id, sessionId, String.format(Locale.ROOT, agent.streamPrompt(), chunks)));
            String answer = peer.awaitAnswer(id, seen);
            if (!answer.contains("end_turn")) {
                throw new IOException(agent.name() + " answered the prompt with " + answer);
            }
            return seen[0];
        }
    }

    /** Figures per metric and agent. */
    static final class Results {
        final Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();

        void add(String metric, Agent agent, double value) {
            figures.computeIfAbsent(metric, m -> new LinkedHashMap<>())
                    .computeIfAbsent(agent.name(), a -> new ArrayList<>()).add(value);
        }

        double median(String metric, String agent) {
            List<Double> values = figures.getOrDefault(metric, Map.of()).get(agent);
            if (values == null || values.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /** The one table the bench prints: a column per agent, then each target of issue 16 as a ratio. */
    static final class Table {
        private final List<Agent> agents;
        private final Results results;
        private final Settings settings;

        Table(List<Agent> agents, Results results, Settings settings) {
            this.agents = agents;
            this.results = results;
            this.settings = settings;
        }

        String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "acp4j bench, %s, %d cores, %s %s, java %s, node %s, load average %s%n",
                    OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), nodeVersion(), loadAverage()));
            out.append(String.format(Locale.ROOT, "%-44s", "metric (median)"));
            for (Agent agent : agents) {
                out.append(String.format(Locale.ROOT, " %12s", agent.name()));
            }
            out.append('\n');
            row(out, String.format(Locale.ROOT, "spawn → initialize answer, ms (%d launches)", settings.launches()), "startup", "%.0f");
            row(out, "spawn → session/new answer, ms", "ready", "%.0f");
            row(out, String.format(Locale.ROOT, "sequential round-trips/s (%d × initialize)", settings.requests()), "roundtrips", "%.0f");
            row(out, String.format(Locale.ROOT, "streamed chunks/s (%d in one turn)", settings.chunks()), "stream", "%.0f");
            row(out, "idle RSS after session/new, MB", "rss", "%.1f");
            out.append('\n').append("targets (issue 16), acp4j on the default java unless said:\n");
            double startup = results.median("startup", ACP4J);
            double bestPeer = min(results.median("startup", TS), results.median("startup", JAVA), results.median("startup", CODEX));
            target(out, "start-up ÷ TS SDK", startup / results.median("startup", TS), "≤ 0.35×", true, 0.35);
            target(out, "start-up ÷ JVM floor (JDK 17, default CDS)", startup / results.median("startup", FLOOR_17), "≤ 2.5×", true, 2.5);
            target(out, "start-up ÷ fastest peer", startup / bestPeer, "(no target)", true, Double.NaN);
            target(out, "session/new answered ÷ TS SDK", results.median("ready", ACP4J) / results.median("ready", TS),
                    "(no target)", true, Double.NaN);
            target(out, "start-up on JDK 25 ÷ JVM floor on JDK 25 (AOT)",
                    results.median("startup", ACP4J_25) / results.median("startup", FLOOR_25), "≤ 2×", true, 2.0);
            target(out, "streamed chunks/s", results.median("stream", ACP4J), "≥ 250000", false, 250_000);
            target(out, "sequential round-trips/s", results.median("roundtrips", ACP4J), "≥ 30000", false, 30_000);
            target(out, "idle RSS after session/new, MB", results.median("rss", ACP4J), "≤ 40", true, 40);
            target(out, "chunks/s ÷ best peer", results.median("stream", ACP4J)
                    / max(results.median("stream", TS), results.median("stream", JAVA)), "(no target)", false, Double.NaN);
            target(out, "round-trips/s ÷ best peer", results.median("roundtrips", ACP4J)
                    / max(results.median("roundtrips", TS), results.median("roundtrips", JAVA)), "(no target)", false, Double.NaN);
            out.append("TS SDK streaming: our stream agent on the same SDK (bench/ts-stream-agent.mjs); the example agent "
                    + "streams 6 updates 1 s apart. codex-acp and the floor programs: start-up only.\n");
            return out.toString();
        }

        private void row(StringBuilder out, String label, String metric, String number) {
            out.append(String.format(Locale.ROOT, "%-44s", label));
            for (Agent agent : agents) {
                double value = results.median(metric, agent.name());
                out.append(String.format(Locale.ROOT, " %12s", Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, number, value)));
            }
            out.append('\n');
        }

        private static void target(StringBuilder out, String label, double value, String target, boolean lowerIsBetter,
                                   double limit) {
            String figure = Double.isNaN(value) || Double.isInfinite(value) ? "n/a"
                    : value < 10 ? String.format(Locale.ROOT, "%.2f×", value)
                    : String.format(Locale.ROOT, value < 1000 ? "%.1f" : "%.0f", value);
            String verdict = Double.isNaN(limit) || figure.equals("n/a") ? ""
                    : (lowerIsBetter ? value <= limit : value >= limit) ? ": met" : ": MISSED";
            out.append(String.format(Locale.ROOT, "  %-48s %10s  %s%s%n", label, figure, target, verdict));
        }

        private static double min(double... values) {
            double best = Double.NaN;
            for (double value : values) {
                if (!Double.isNaN(value) && (Double.isNaN(best) || value < best)) {
                    best = value;
                }
            }
            return best;
        }

        private static double max(double... values) {
            double best = Double.NaN;
            for (double value : values) {
                if (!Double.isNaN(value) && (Double.isNaN(best) || value > best)) {
                    best = value;
                }
            }
            return best;
        }

        private static String loadAverage() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException e) {
                return "?";
            }
        }

        private static String nodeVersion() {
            try {
                Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                node.waitFor(10, TimeUnit.SECONDS);
                return version;
            } catch (IOException e) {
                return "?";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "?";
            }
        }
    }

    private Bench() {
    }
}
