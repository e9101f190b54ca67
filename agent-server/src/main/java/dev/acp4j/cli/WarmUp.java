package dev.acp4j.cli;

import dev.acp4j.server.AcpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * At launch, serves one {@code initialize} to nobody on a daemon thread, so that the mapper's
 * creation, the server's classes and the first compilations run while the main thread reads the
 * configuration, instead of after the client's first request has arrived.
 */
final class WarmUp {

    private static final byte[] INITIALIZE = ("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
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
            AcpServer.builder().launch(Map.of(), Map.of()).build()
                    .serve(new ByteArrayInputStream(INITIALIZE), OutputStream.nullOutputStream());
        } catch (RuntimeException e) {
            // only time is at stake: the real server does the same work again
        }
    }
}
