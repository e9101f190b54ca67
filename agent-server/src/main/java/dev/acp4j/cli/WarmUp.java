package dev.acp4j.cli;

import dev.acp4j.jsonrpc.Json;
import dev.acp4j.server.AcpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * At launch, on a daemon thread (the second core): creates the shared mapper, then serves one
 * {@code initialize} to nobody through the connection, so that the mapper, the server's classes
 * and the first compilations are ready by the time the client's second request arrives. The
 * main thread meanwhile reads the configuration and answers the first {@code initialize}
 * without the mapper.
 */
final class WarmUp {

    /** A blank line first: a first line that is not a request goes to the connection, whose path is the one to warm. */
    private static final byte[] INITIALIZE = ("\n{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":1,\"clientCapabilities\":{}}}\n").getBytes(StandardCharsets.UTF_8);

    private WarmUp() {
    }

    static void start() {
        Thread thread = new Thread(WarmUp::serveNobody, "acp4j-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void serveNobody() {
        try {
            Json.shared();
            AcpServer.builder().launch(Map.of(), Map.of()).build()
                    .serve(new ByteArrayInputStream(INITIALIZE), OutputStream.nullOutputStream());
        } catch (RuntimeException e) {
            // only time is at stake: the real server does the same work again
        }
    }
}
