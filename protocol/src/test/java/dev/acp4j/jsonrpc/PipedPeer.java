package dev.acp4j.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The test's side of a connection: writes raw lines to it and reads the lines it writes. */
final class PipedPeer implements AutoCloseable {

    final JsonRpcConnection connection;
    private final OutputStream toConnection;
    private final BlockingQueue<String> fromConnection = new LinkedBlockingQueue<>();
    private final ObjectMapper mapper = Json.newMapper();

    PipedPeer(MethodTable methods) throws IOException {
        PipedInputStream connectionIn = new PipedInputStream(1 << 20);
        toConnection = new PipedOutputStream(connectionIn);
        PipedInputStream ourIn = new PipedInputStream(1 << 20);
        PipedOutputStream connectionOut = new PipedOutputStream(ourIn);
        connection = JsonRpcConnection.builder(connectionIn, connectionOut).methods(methods).build().start();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(ourIn, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    fromConnection.add(line);
                }
            } catch (IOException ignored) {
                // the connection side closed
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    void send(String line) {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) {
        try {
            toConnection.write(bytes);
            toConnection.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String nextLine() throws InterruptedException {
        String line = fromConnection.poll(5, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no line from the connection within 5 s");
        }
        return line;
    }

    JsonNode next() throws Exception {
        return mapper.readTree(nextLine());
    }

    String poll(long millis) throws InterruptedException {
        return fromConnection.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        toConnection.close();
    }
}
