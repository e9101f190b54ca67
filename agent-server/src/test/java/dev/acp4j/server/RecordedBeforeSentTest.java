package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.server.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed turn's updates reach the client in batches, and every update in a batch is in the
 * session's conversation file before the batch reaches the client's pipe: a process killed at any
 * moment has stored everything its client saw.
 */
class RecordedBeforeSentTest {


    @TempDir
    Path home;

    @Test
    void everyUpdateTheClientCanReadIsAlreadyStored() throws Exception {
        PipedInputStream agentIn = new PipedInputStream(1 << 16);
        OutputStream toAgent = new PipedOutputStream(agentIn);
        // an OS pipe: unlike a PipedInputStream, its reader does not care which thread wrote last
        Pipe toClient = Pipe.open();
        OutputStream pipe = Channels.newOutputStream(toClient.sink());
        InputStream clientIn = Channels.newInputStream(toClient.source());
        Path sessions = home.resolve("data").resolve("acp4j").resolve("sessions");
        String[] sessionId = new String[1];
        List<String> violations = new ArrayList<>();
        int[] chunksOut = new int[1];
        OutputStream agentOut = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                String text = new String(b, off, len, StandardCharsets.UTF_8);
                int chunks = count(text, "\"agent_message_chunk\"");
                if (chunks > 0) {
                    chunksOut[0] += chunks;
                    Path file = sessions.resolve(sessionId[0] + ".jsonl");
                    long stored = !Files.exists(file) ? 0 : Files.readAllLines(file).stream()
                            .filter(line -> line.contains("\"agent_message_chunk\"")).count();
                    if (stored < chunksOut[0]) {
                        violations.add(chunksOut[0] + " chunks out, " + stored + " stored");
                    }
                }
                pipe.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                pipe.flush();
            }
        };
        AcpServer server = AcpServer.builder()
                .config(new ConfigLoader().parse("test", "{}".getBytes(StandardCharsets.UTF_8)))
                .launch(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()), Map.of())
                .build();
        Thread serving = new Thread(() -> server.serve(agentIn, agentOut));
        serving.start();
        BufferedReader fromAgent = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));

        sessionId[0] = InProcessClient.openSession(toAgent, fromAgent);
        InProcessClient.send(toAgent, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"session/prompt\",\"params\":{\"sessionId\":\""
                + sessionId[0] + "\",\"prompt\":[{\"type\":\"text\",\"text\":\"/burst 5000\"}]}}");
        int chunks = 0;
        String line;
        while ((line = fromAgent.readLine()) != null && !line.contains("\"id\":2,")) {
            if (line.contains("\"agent_message_chunk\"")) {
                chunks++;
            }
        }
        assertThat(line).contains("\"stopReason\":\"end_turn\"");
        assertThat(chunks).isEqualTo(5000);
        toAgent.close();
        serving.join(10_000);
        synchronized (agentOut) {
            assertThat(chunksOut[0]).isEqualTo(5000);
            assertThat(violations).isEmpty();
        }
    }


    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
