package dev.acp4j.auth.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token exchange and an API shaped like GitHub Copilot's. {@code GET /copilot_internal/v2/token}
 * wants {@code Authorization: token OAUTH_TOKEN} and the {@link #EXCHANGE_HEADERS}; it answers
 * {@code {"token", "expires_at" (epoch seconds), "refresh_in", "endpoints": {"api"}}} with a new
 * token each time, valid {@link #lifetime(long)} seconds (30 minutes unless a test says otherwise).
 * {@code GET /api/models} wants {@code Authorization: Bearer} with the newest token it issued and
 * the {@link #API_HEADERS}. Both answer 401 / 400 with a JSON {@code message} otherwise. Other
 * placements of the OAuth token are accepted too ({@code ?access_token=}, a {@code POST} form field
 * {@code access_token}), for the unit tests.
 */
public final class CopilotShapedServer implements AutoCloseable {

    public static final String EXCHANGE_PATH = "/copilot_internal/v2/token";
    public static final Map<String, String> EXCHANGE_HEADERS = Map.of(
            "Editor-Version", "acp4j-test/1.0", "Editor-Plugin-Version", "acp4j-exchange/0.1");
    public static final Map<String, String> API_HEADERS = Map.of(
            "Copilot-Integration-Id", "acp4j-test", "Editor-Version", "acp4j-test/1.0");

    private final HttpServer server;
    private final String oauthToken;
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final List<String> issued = new ArrayList<>();
    private volatile long lifetimeSeconds = 1800;
    private volatile int refuseWith;
    private boolean closed;

    /** @param oauthToken the OAuth token the exchange accepts */
    public CopilotShapedServer(String oauthToken) throws IOException {
        this.oauthToken = oauthToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext(EXCHANGE_PATH, this::exchange);
        server.createContext("/api/models", this::models);
        server.start();
    }

    public URI exchangeEndpoint() {
        return base().resolve(EXCHANGE_PATH);
    }

    /** What the exchange answers as {@code endpoints.api}. */
    public URI apiBaseUrl() {
        return base().resolve("/api");
    }

    /** How long the tokens it issues from now on are valid. */
    public void lifetime(long seconds) {
        lifetimeSeconds = seconds;
    }

    /** From now on the exchange answers {@code status} (0: it answers tokens again). */
    public void refuseWith(int status) {
        refuseWith = status;
    }

    /** Exchange requests that got a token. */
    public int exchanges() {
        return exchanges.get();
    }

    /** API requests answered 200. */
    public int apiCalls() {
        return apiCalls.get();
    }

    /** Every token issued so far, oldest first. */
    public List<String> issued() {
        synchronized (issued) {
            return List.copyOf(issued);
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean tokenGiven = ("token " + oauthToken).equals(authorization)
                || oauthToken.equals(QueryString.of(exchange.getRequestURI()).get("access_token"))
                || "POST".equals(exchange.getRequestMethod()) && oauthToken.equals(QueryString.parse(body).get("access_token"));
        if (refuseWith != 0) {
            answer(exchange, refuseWith, "{\"message\":\"Refused by the test\"}");
            return;
        }
        if (!tokenGiven) {
            answer(exchange, 401, "{\"message\":\"Bad credentials\","
                    + "\"documentation_url\":\"https://docs.github.com/rest\"}");
            return;
        }
        for (Map.Entry<String, String> header : EXCHANGE_HEADERS.entrySet()) {
            if (!header.getValue().equals(exchange.getRequestHeaders().getFirst(header.getKey()))) {
                answer(exchange, 400, "{\"message\":\"missing " + header.getKey() + " header\"}");
                return;
            }
        }
        long now = Instant.now().getEpochSecond();
        String token;
        synchronized (issued) {
            token = "tid=" + UUID.randomUUID().toString().replace("-", "") + ";exp=" + (now + lifetimeSeconds)
                    + ";sku=copilot_for_business_seat;n=" + (issued.size() + 1);
            issued.add(token);
        }
        exchanges.incrementAndGet();
        answer(exchange, 200, "{\"token\":\"" + token + "\",\"expires_at\":" + (now + lifetimeSeconds)
                + ",\"refresh_in\":" + Math.max(0, lifetimeSeconds - 300)
                + ",\"endpoints\":{\"api\":\"" + apiBaseUrl() + "\",\"telemetry\":\"" + base().resolve("/telemetry")
                + "\"},\"chat_enabled\":true,\"sku\":\"copilot_for_business_seat\"}");
    }

    private void models(HttpExchange exchange) throws IOException {
        List<String> tokens = issued();
        String newest = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (newest == null || !("Bearer " + newest).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"message\":\"not the newest token\"}");
            return;
        }
        for (Map.Entry<String, String> header : API_HEADERS.entrySet()) {
            if (!header.getValue().equals(exchange.getRequestHeaders().getFirst(header.getKey()))) {
                answer(exchange, 400, "{\"message\":\"missing " + header.getKey() + " header\"}");
                return;
            }
        }
        int call = apiCalls.incrementAndGet();
        answer(exchange, 200, "{\"data\":[{\"id\":\"gpt-4o\"},{\"id\":\"claude-sonnet\"}],\"call\":" + call
                + ",\"token\":" + tokens.size() + "}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
