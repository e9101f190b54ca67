import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session store's figures, through {@code bin/acp4j}: {@code session/list} over N stored sessions
 * (the first page, and every page) and {@code session/load} of a session of M updates (until its
 * answer, every update replayed). Usage: {@code java bench/SessionsBench.java [--sessions N]
 * [--updates M] [--rounds R]}; it writes a scratch store under {@code bench/.work/sessions-home}
 * (files in the store's format) and runs the launcher with that HOME. Figures: the median of R
 * fresh processes, each timed from sending the request to reading its answer.
 */
public final class SessionsBench {

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int sessions = 10_000;
        int updates = 5_000;
        int rounds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sessions" -> sessions = Integer.parseInt(args[i + 1]);
                case "--updates" -> updates = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Path.of(System.getenv().getOrDefault("ACP4J_HOME", ".")).toAbsolutePath();
        Path home = root.resolve("bench/.work/sessions-home");
        Path store = home.resolve(".local/share/acp4j/sessions");
        String longOne = fill(store, sessions, updates);
        Path config = home.resolve("empty.json");
        Files.writeString(config, "{}");

        List<Double> firstPage = new ArrayList<>();
        List<Double> allPages = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        int pages = 0;
        for (int round = 0; round < rounds; round++) {
            try (Agent agent = new Agent(root.resolve("bin/acp4j"), home, config)) {
                agent.call("initialize", "{\"protocolVersion\":1,\"clientCapabilities\":{}}");
                long start = System.nanoTime();
                String answer = agent.call("session/list", "{}");
                firstPage.add(millis(start));
                pages = 1;
                Matcher next = NEXT_CURSOR.matcher(answer);
                while (next.find()) {
                    answer = agent.call("session/list", "{\"cursor\":\"" + next.group(1) + "\"}");
                    next = NEXT_CURSOR.matcher(answer);
                    pages++;
                }
                allPages.add(millis(start));
            }
            try (Agent agent = new Agent(root.resolve("bin/acp4j"), home, config)) {
                agent.call("initialize", "{\"protocolVersion\":1,\"clientCapabilities\":{}}");
                long start = System.nanoTime();
                String answer = agent.call("session/load", "{\"sessionId\":\"" + longOne + "\",\"cwd\":\"/bench\",\"mcpServers\":[]}");
                load.add(millis(start));
                if (agent.notifications != updates || !answer.contains("\"result\"")) {
                    throw new IllegalStateException("load replayed " + agent.notifications + " of " + updates + ": " + answer);
                }
            }
        }
        System.out.printf(Locale.ROOT, "| figure | median of %d processes |%n|---|---|%n", rounds);
        System.out.printf(Locale.ROOT, "| session/list, first page, %,d stored sessions | %.0f ms |%n", sessions, median(firstPage));
        System.out.printf(Locale.ROOT, "| session/list, all %d pages | %.0f ms |%n", pages, median(allPages));
        System.out.printf(Locale.ROOT, "| session/load of %,d updates (all replayed, then the answer) | %.0f ms |%n", updates, median(load));
    }

    /** A store of {@code sessions} records, one of them (returned) with {@code updates} updates. */
    private static String fill(Path store, int sessions, int updates) throws IOException {
        if (Files.isDirectory(store)) {
            try (var old = Files.list(store)) {
                for (Path file : (Iterable<Path>) old::iterator) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(store);
        String longOne = null;
        for (int i = 0; i < sessions; i++) {
            String id = UUID.randomUUID().toString();
            String time = String.format(Locale.ROOT, "2026-01-%02dT%02d:%02d:%02d.%03dZ", 1 + i % 28, i % 24, i % 60, (i / 60) % 60, i % 1000);
            Files.writeString(store.resolve(id + ".json"), "{\"sessionId\":\"" + id + "\",\"cwd\":\"/bench/" + (i % 10)
                    + "\",\"title\":\"session " + i + "\",\"createdAt\":\"" + time + "\",\"updatedAt\":\"" + time + "\"}");
            if (longOne == null) {
                longOne = id;
            }
        }
        StringBuilder conversation = new StringBuilder();
        for (int i = 0; i < updates; i++) {
            conversation.append(i % 10 == 0
                    ? "{\"sessionUpdate\":\"user_message_chunk\",\"content\":{\"type\":\"text\",\"text\":\"question " + i + "\"},\"messageId\":\"u" + i + "\"}\n"
                    : "{\"sessionUpdate\":\"agent_message_chunk\",\"content\":{\"type\":\"text\",\"text\":\"a reply chunk of some forty characters " + i + "\"},\"messageId\":\"a" + (i / 10) + "\"}\n");
        }
        Files.writeString(store.resolve(longOne + ".jsonl"), conversation);
        return longOne;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    /** The launcher as a subprocess: one request at a time, notifications counted. */
    private static final class Agent implements AutoCloseable {
        private final Process process;
        private final OutputStream in;
        private final BufferedReader out;
        private int nextId = 1;
        int notifications;

        Agent(Path launcher, Path home, Path config) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--config", config.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("HOME", home.toString());
            builder.environment().remove("XDG_DATA_HOME");
            process = builder.start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        String call(String method, String params) throws IOException {
            int id = nextId++;
            notifications = 0;
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            String prefix = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",";
            while (true) {
                String line = out.readLine();
                if (line == null) {
                    throw new IOException("the agent exited before answering " + method);
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
                notifications++;
            }
        }

        @Override
        public void close() throws Exception {
            in.close();
            process.waitFor();
        }
    }
}
