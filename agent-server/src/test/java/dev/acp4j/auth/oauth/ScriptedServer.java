package dev.acp4j.auth.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * An HTTP server on 127.0.0.1 that answers each request with the next queued JSON response (500 when
 * none is queued) and records "path body" of every request. For answers a real server will not give on
 * demand: authorization_pending, slow_down, a refresh without rotation.
 */
final class ScriptedServer implements AutoCloseable {

    private record Answer(int status, String json) {
    }

    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final HttpServer server;

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Endpoints at /token, /device and /revoke of this server. */
    OAuthEndpoints endpoints() {
        URI base = base();
        return new OAuthEndpoints(base, base.resolve("/authorize"), base.resolve("/token"), base.resolve("/device"),
                base.resolve("/revoke"), null, null);
    }

    void queue(int status, String json) {
        answers.add(new Answer(status, json));
    }

    /** "path body" of every request so far. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void reset() {
        answers.clear();
        synchronized (requests) {
            requests.clear();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        synchronized (requests) {
            requests.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        Answer next = answers.poll();
        if (next == null) {
            next = new Answer(500, "{\"error\":\"server_error\"}");
        }
        byte[] body = next.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(next.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
