package dev.acp4j.server.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An authorization server shaped like a provider whose redirect page shows the code for the user
 * to copy (Anthropic's console style): {@code GET /oauth/authorize} signs the user in at once and
 * redirects to its own {@code /oauth/code/callback}, which shows {@code code#state}; {@code POST
 * /oauth/token} redeems a code once, only with the registered redirect URI and the PKCE verifier
 * (S256) of its authorization request. Every token request is kept for the test to read.
 */
final class CodeShowingProvider implements AutoCloseable {

    static final String CLIENT_ID = "9d1c250a-e61b-44d9-88ed-5944d1962f5e";

    private record Grant(String challenge, String redirectUri) {
    }

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Map<String, String>> tokenRequests = new ArrayList<>();
    private final List<String> issuedTokens = new ArrayList<>();

    CodeShowingProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/oauth/authorize", this::authorize);
        server.createContext("/oauth/code/callback", this::showCode);
        server.createContext("/oauth/token", this::token);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI authorizationEndpoint() {
        return base().resolve("/oauth/authorize");
    }

    URI tokenEndpoint() {
        return base().resolve("/oauth/token");
    }

    URI redirectUri() {
        return base().resolve("/oauth/code/callback");
    }

    /** The form parameters of every token request so far. */
    List<Map<String, String>> tokenRequests() {
        synchronized (tokenRequests) {
            return List.copyOf(tokenRequests);
        }
    }

    /** Every access and refresh token granted so far. */
    List<String> issuedTokens() {
        synchronized (issuedTokens) {
            return List.copyOf(issuedTokens);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = QueryString.of(exchange.getRequestURI());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !redirectUri().toString().equals(query.get("redirect_uri"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || query.get("state") == null) {
            answer(exchange, 400, "text/plain", "invalid authorization request");
            return;
        }
        String code = "ac_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, new Grant(query.get("code_challenge"), query.get("redirect_uri")));
        exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + query.get("state"));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void showCode(HttpExchange exchange) throws IOException {
        Map<String, String> query = QueryString.of(exchange.getRequestURI());
        answer(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><h1>Authentication Code</h1>"
                + "<p>Paste this into your terminal:</p><code id=\"code\">" + query.get("code") + "#" + query.get("state")
                + "</code></body></html>");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = QueryString.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        synchronized (tokenRequests) {
            tokenRequests.add(form);
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null || !grant.challenge().equals(s256(form.get("code_verifier")))) {
            answer(exchange, 400, "application/json",
                    "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code or verifier\"}");
            return;
        }
        String access = "sk-ant-oat01-" + UUID.randomUUID();
        String refresh = "sk-ant-ort01-" + UUID.randomUUID();
        synchronized (issuedTokens) {
            issuedTokens.add(access);
            issuedTokens.add(refresh);
        }
        answer(exchange, 200, "application/json", "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
                + "\",\"token_type\":\"Bearer\",\"expires_in\":28800,\"scope\":\"user:inference\"}");
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
