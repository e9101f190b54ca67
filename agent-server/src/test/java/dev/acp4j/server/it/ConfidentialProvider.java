package dev.acp4j.server.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An authorization server for a confidential client, on 127.0.0.1 (plain HTTP, or HTTPS on a
 * given certificate): RFC 8414 metadata listing the {@code token_endpoint_auth_methods_supported}
 * a test chooses, an authorization endpoint that approves at once (302 back to the redirect URI),
 * the device grant (approved at the first poll), refresh and revocation. Every request to the
 * device, token and revocation endpoints is recorded with how the client authenticated:
 * {@code basic} (a correct {@code Authorization: Basic}), {@code post} (a correct
 * {@code client_secret} in the form), {@code none}, or {@code wrong}. Requests that do not
 * authenticate correctly are refused with {@code invalid_client}. It offers no dynamic client
 * registration. It also serves an MCP server protected by its tokens (RFC 9728 metadata).
 */
final class ConfidentialProvider implements AutoCloseable {

    static final String CLIENT_ID = "acp4j-confidential";
    static final String ACCESS_TOKEN = "at-conf-5e1d7a9b3c";
    static final String REFRESH_TOKEN = "rt-conf-8f2c4a6e0b";
    static final String DEVICE_CODE = "dc-conf-1a3c5e7b9d";
    static final String USER_CODE = "QWER-TYUI";

    /** One request: the endpoint path, the grant (or {@code device} / {@code revoke}), and how the client authenticated. */
    record Request(String path, String grant, String auth) {
    }

    private final HttpServer server;
    private final String scheme;
    private final String secret;
    private final List<String> authMethods;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String tokenEndpointOverride;
    private final List<String> mcpAuthorizations = new ArrayList<>();

    /**
     * @param secret      the client secret it expects
     * @param authMethods what its metadata lists as {@code token_endpoint_auth_methods_supported} (empty: the key is left out)
     * @param tls         HTTPS on this context, or null for plain HTTP
     */
    ConfidentialProvider(String secret, List<String> authMethods, SSLContext tls) throws IOException {
        this.secret = secret;
        this.authMethods = List.copyOf(authMethods);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
            scheme = "http";
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
            scheme = "https";
        }
        server.createContext("/.well-known/oauth-authorization-server", this::metadata);
        server.createContext("/authorize", this::authorize);
        server.createContext("/device", this::device);
        server.createContext("/token", this::token);
        server.createContext("/revoke", this::revoke);
        server.createContext("/.well-known/oauth-protected-resource/mcp", this::resourceMetadata);
        server.createContext("/mcp", this::mcp);
        server.start();
    }

    URI issuer() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An MCP server (streamable HTTP, JSON answers, one tool {@code weather}) protected by this server's tokens. */
    URI mcpServer() {
        return URI.create(issuer() + "/mcp");
    }

    /** The {@code Authorization} header of every request to {@link #mcpServer()} ({@code ""} when absent). */
    List<String> mcpAuthorizations() {
        synchronized (mcpAuthorizations) {
            return List.copyOf(mcpAuthorizations);
        }
    }

    /** The token endpoint the metadata names instead of its own (to test a discovered endpoint). */
    void tokenEndpointInMetadata(String url) {
        tokenEndpointOverride = url;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void metadata(HttpExchange exchange) throws IOException {
        String base = issuer().toString();
        StringBuilder json = new StringBuilder("{\"issuer\":\"" + base + "\"")
                .append(",\"authorization_endpoint\":\"").append(base).append("/authorize\"")
                .append(",\"token_endpoint\":\"").append(tokenEndpointOverride != null ? tokenEndpointOverride : base + "/token")
                .append("\",\"device_authorization_endpoint\":\"").append(base).append("/device\"")
                .append(",\"revocation_endpoint\":\"").append(base).append("/revoke\"")
                .append(",\"code_challenge_methods_supported\":[\"S256\"]")
                .append(",\"response_types_supported\":[\"code\"]");
        if (!authMethods.isEmpty()) {
            json.append(",\"token_endpoint_auth_methods_supported\":[\"")
                    .append(String.join("\",\"", authMethods)).append("\"]");
        }
        answer(exchange, 200, json.append('}').toString());
    }

    private void resourceMetadata(HttpExchange exchange) throws IOException {
        answer(exchange, 200, "{\"resource\":\"" + mcpServer() + "\",\"authorization_servers\":[\"" + issuer() + "\"]}");
    }

    private void mcp(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (mcpAuthorizations) {
            mcpAuthorizations.add(authorization == null ? "" : authorization);
        }
        GuardedMcpEndpoint.handle(exchange, ACCESS_TOKEN, issuer() + "/.well-known/oauth-protected-resource/mcp", "corp-mcp", "weather");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        String location = query.get("redirect_uri") + "?code=code-conf-77&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void device(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (!record(exchange, form, "device")) {
            return;
        }
        answer(exchange, 200, "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":\"" + USER_CODE
                + "\",\"verification_uri\":\"" + issuer() + "/activate\",\"expires_in\":600,\"interval\":1}");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String grant = form.getOrDefault("grant_type", "");
        if (!record(exchange, form, grant)) {
            return;
        }
        boolean known = switch (grant) {
            case "authorization_code" -> "code-conf-77".equals(form.get("code"));
            case "urn:ietf:params:oauth:grant-type:device_code" -> DEVICE_CODE.equals(form.get("device_code"));
            case "refresh_token" -> REFRESH_TOKEN.equals(form.get("refresh_token"));
            default -> false;
        };
        if (!known) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        // a first token of 60 s is inside acp4j's refresh margin: its next use refreshes it, for an hour
        boolean refresh = grant.equals("refresh_token");
        String access = refresh ? ACCESS_TOKEN + "-r" + refreshes.incrementAndGet() : ACCESS_TOKEN;
        answer(exchange, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + (refresh ? 3600 : 60) + ",\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (record(exchange, form, "revoke")) {
            answer(exchange, 200, "");
        }
    }

    /** Records the request; answers {@code invalid_client} and returns false unless the client authenticated. */
    private boolean record(HttpExchange exchange, Map<String, String> form, String grant) throws IOException {
        String auth = auth(exchange, form);
        synchronized (requests) {
            requests.add(new Request(exchange.getRequestURI().getPath(), grant, auth));
        }
        if (auth.equals("basic") || auth.equals("post")) {
            return true;
        }
        answer(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
        return false;
    }

    private String auth(HttpExchange exchange, Map<String, String> form) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        boolean inForm = form.containsKey("client_secret");
        if (header != null && !inForm) {
            return header.equals(expected) ? "basic" : "wrong";
        }
        if (inForm && header == null) {
            return secret.equals(form.get("client_secret")) && CLIENT_ID.equals(form.get("client_id")) ? "post" : "wrong";
        }
        return header == null ? "none" : "wrong";
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return QueryString.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
