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
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A device-only authorization server shaped like GitHub's: {@code POST /login/device/code} and
 * {@code POST /login/oauth/access_token}, no metadata, no authorization endpoint. Like GitHub it
 * answers form-encoded bodies unless the request sends {@code Accept: application/json}, and it
 * reports {@code authorization_pending} / {@code slow_down} with HTTP 200. Each test queues the
 * token endpoint's errors; once they are used up it grants a token (no expiry, no refresh token).
 */
public final class GitHubShapedServer implements AutoCloseable {

    public static final String CLIENT_ID = "Iv1.0123456789abcdef";
    public static final String DEVICE_CODE = "3584d83530557fdd1f46af8289938c8ef79f9dc5";
    public static final String USER_CODE = "WDJB-MJHT";
    public static final String ACCESS_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";

    private final HttpServer server;
    private final Deque<String> pendingErrors = new ConcurrentLinkedDeque<>();
    private final List<String> tokenRequestAccepts = new ArrayList<>();
    private volatile int interval = 1;

    public GitHubShapedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/login/device/code", this::deviceCode);
        server.createContext("/login/oauth/access_token", this::accessToken);
        server.start();
    }

    public URI deviceAuthorizationEndpoint() {
        return base().resolve("/login/device/code");
    }

    public URI tokenEndpoint() {
        return base().resolve("/login/oauth/access_token");
    }

    /** The errors the token endpoint answers, in order, before it grants the token. */
    public void queueErrors(String... errors) {
        pendingErrors.addAll(List.of(errors));
    }

    /** The poll interval the device endpoint asks for, in seconds. */
    public void interval(int seconds) {
        interval = seconds;
    }

    /** The Accept header of every token request so far ({@code ""} when absent). */
    public List<String> tokenRequestAccepts() {
        synchronized (tokenRequestAccepts) {
            return List.copyOf(tokenRequestAccepts);
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void deviceCode(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            answer(exchange, Map.of("error", "unauthorized_client"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_code", DEVICE_CODE);
        body.put("user_code", USER_CODE);
        body.put("verification_uri", base().resolve("/login/device").toString());
        body.put("expires_in", 899);
        body.put("interval", interval);
        answer(exchange, body);
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        synchronized (tokenRequestAccepts) {
            tokenRequestAccepts.add(accept == null ? "" : accept);
        }
        Map<String, String> form = form(exchange);
        if (!"urn:ietf:params:oauth:grant-type:device_code".equals(form.get("grant_type"))
                || !DEVICE_CODE.equals(form.get("device_code")) || !CLIENT_ID.equals(form.get("client_id"))) {
            answer(exchange, Map.of("error", "incorrect_device_code",
                    "error_description", "The device_code provided is not valid."));
            return;
        }
        String error = pendingErrors.poll();
        if ("slow_down".equals(error)) {
            interval += 5;
            answer(exchange, Map.of("error", "slow_down", "error_description", "Too many requests have been made"
                    + " in the same timeframe.", "interval", interval));
        } else if (error != null) {
            answer(exchange, Map.of("error", error, "error_description", "The authorization request is still pending.",
                    "error_uri", "https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes"));
        } else {
            answer(exchange, Map.of("access_token", ACCESS_TOKEN, "token_type", "bearer", "scope", "read:user"));
        }
    }

    /** 200 always, as GitHub; JSON only when asked for, else form-encoded. */
    private static void answer(HttpExchange exchange, Map<String, ?> body) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean json = accept != null && accept.contains("application/json");
        StringBuilder text = new StringBuilder(json ? "{" : "");
        for (Map.Entry<String, ?> entry : body.entrySet()) {
            if (text.length() > (json ? 1 : 0)) {
                text.append(json ? "," : "&");
            }
            Object value = entry.getValue();
            if (json) {
                text.append('"').append(entry.getKey()).append("\":")
                        .append(value instanceof Number ? value.toString() : "\"" + value + "\"");
            } else {
                text.append(entry.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        }
        if (json) {
            text.append('}');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                json ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return QueryString.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
