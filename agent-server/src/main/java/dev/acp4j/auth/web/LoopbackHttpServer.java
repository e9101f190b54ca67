package dev.acp4j.auth.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server reachable only from this machine: bound to {@code 127.0.0.1}, served by
 * daemon threads, answering only requests addressed to {@code 127.0.0.1:PORT} or
 * {@code localhost:PORT} (a page on another host name that resolves to 127.0.0.1, as in DNS
 * rebinding, is refused).
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttpServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts serving every path with {@code handler}.
     *
     * @param port the port, or 0 for a free one chosen by the system
     * @param handler answers every request
     * @return the server, on 127.0.0.1
     * @throws IOException when the port cannot be bound
     */
    public static LoopbackHttpServer start(int port, HttpHandler handler) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port number: " + port);
        }
        InetAddress ipv4Loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(ipv4Loopback, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "acp4j-loopback-http-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
        return new LoopbackHttpServer(server, executor);
    }

    /**
     * {@code http://127.0.0.1:PORT}, without a trailing slash.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return baseUri;
    }

    /** {@return the bound address: 127.0.0.1 and the port} */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Stops at once: open exchanges are abandoned. A page must therefore finish its answer before it
     * tells anyone who might close it ({@link OneTimeAnswer}). Not {@code HttpServer.stop(delay)}: on
     * Java 17 it waits the whole delay even when no exchange is open (JDK-8304065).
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(HttpExchange exchange, HttpHandler handler) {
        try {
            if (!addressedToLoopback(exchange)) {
                Responses.page(exchange, 400, "Bad request", "This address is only for this computer.");
                return;
            }
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            // The class only: a message could quote request data.
            LOG.warn("Loopback HTTP request failed: {}", e.getClass().getName());
            try {
                Responses.page(exchange, 500, "Error", "Something went wrong.");
            } catch (IOException | RuntimeException ignored) {
                // Headers were already sent, or the browser went away.
            }
        } finally {
            exchange.close();
        }
    }

    private static boolean addressedToLoopback(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return false;
        }
        int port = exchange.getLocalAddress().getPort();
        String normalized = host.trim().toLowerCase(Locale.ROOT);
        return normalized.equals("127.0.0.1:" + port) || normalized.equals("localhost:" + port);
    }
}
