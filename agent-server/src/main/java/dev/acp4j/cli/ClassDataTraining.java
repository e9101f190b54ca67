package dev.acp4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The workload {@code bin/acp4j} records the class-data archive (AppCDS) from: what an
 * editor does first — {@code initialize}, {@code session/new}, a prompt turn — served in this
 * process by {@link AcpLauncher} over in-memory streams, each request sent once the previous one is
 * answered. Writes nothing to stdout.
 */
public final class ClassDataTraining {

    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    private ClassDataTraining() {
    }

    /**
     * Runs the workload once, then returns; {@code bin/acp4j} runs it while recording the archive.
     *
     * @param args ignored
     * @throws Exception when the training run fails
     */
    public static void main(String[] args) throws Exception {
        Path config = Files.createTempFile("acp4j-cds-training", ".json");
        try {
            Files.writeString(config, "{}");
            serve(new String[] {"--config", config.toString()}, true);
            serve(new String[0], false);
            firstAnswers(config);
        } finally {
            Files.deleteIfExists(config);
        }
        System.exit(0);
    }

    /** Two launches with the first-answer cache (in a directory of its own): one records the answer, one is answered from it. */
    private static void firstAnswers(Path config) throws IOException {
        Path cacheHome = Files.createTempDirectory("acp4j-cds-training-cache");
        try {
            String[] args = {"--config", config.toString()};
            byte[] initialize = ("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":1,\"clientCapabilities\":{}}}\n").getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 2; round++) {
                FirstAnswerCache.Launch launch = FirstAnswerCache.Launch.start("acp4j", args, true,
                        Map.of("XDG_CACHE_HOME", cacheHome.toString()), new ByteArrayInputStream(initialize),
                        new ByteArrayOutputStream());
                if (launch.cache() == null) {
                    return;
                }
                Main.launcher().run(args, launch.stdin(), launch.stdout(), launch.cache());
            }
        } finally {
            try (var files = Files.walk(cacheHome)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** One client session; with {@code prompt}, a session is opened and two turns run in it. */
    private static void serve(String[] args, boolean prompt) throws Exception {
        Pipe stdin = Pipe.open();
        Lines stdout = new Lines();
        InputStream agentIn = Channels.newInputStream(stdin.source());
        AcpLauncher launcher = Main.launcher();
        // what AcpLauncher.main does before run: its classes belong in the archive too
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        WarmUp.start();
        Thread server = new Thread(() -> launcher.run(args, agentIn, stdout), "acp4j-cds-training");
        server.start();
        try (OutputStream client = Channels.newOutputStream(stdin.sink())) {
            ask(client, stdout, 0, "initialize", "{\"protocolVersion\":1,\"clientCapabilities\":{}}");
            String created = ask(client, stdout, 1, "session/new", "{\"cwd\":\"/\",\"mcpServers\":[]}");
            // the first initialize is answered before the connection exists; this one is the connection's
            ask(client, stdout, 3, "initialize", "{\"protocolVersion\":1,\"clientCapabilities\":{}}");
            if (prompt) {
                String sessionId = created.replaceFirst(".*\"sessionId\":\"([^\"]+)\".*", "$1");
                for (String text : new String[] {"hello", "/burst 20"}) {
                    ask(client, stdout, 2, "session/prompt", "{\"sessionId\":\"" + sessionId
                            + "\",\"prompt\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}");
                }
            }
        }
        server.join(TimeUnit.SECONDS.toMillis(ANSWER_TIMEOUT_SECONDS));
    }

    private static String ask(OutputStream client, Lines stdout, int id, String method, String params)
            throws IOException, InterruptedException {
        client.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        client.flush();
        String answerPrefix = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",";
        while (true) {
            String line = stdout.lines.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("no answer to " + method);
            }
            if (line.startsWith(answerPrefix)) {
                return line;
            }
        }
    }

    /** The served side's stdout, cut into lines. */
    private static final class Lines extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
