package dev.acp4j.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Open RFC 7591 registration of public native clients at {@code <issuer>/register}, into Spring
 * Authorization Server's own client repository. Spring Authorization Server 1.5 (the version Spring
 * Boot 3.5 brings) has only OpenID Connect registration at {@code /connect/register}, which always
 * demands an initial access token; MCP clients register anonymously (RFC 7591 §3, open registration).
 * Registered clients then use Spring's real authorization and token endpoints (PKCE required).
 */
final class DynamicClientRegistrationEndpoint implements Filter {

    static final String PATH_SUFFIX = "/register";

    /** The client ids registered so far. */
    static final List<String> REGISTERED = new CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegisteredClientRepository clients;

    DynamicClientRegistrationEndpoint(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!request.getRequestURI().endsWith(PATH_SUFFIX) || !"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        JsonNode metadata = JSON.readTree(request.getInputStream().readAllBytes());
        List<String> redirects = JSON.convertValue(metadata.path("redirect_uris"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        boolean loopback = !redirects.isEmpty() && redirects.stream()
                .allMatch(uri -> URI.create(uri).getScheme().equals("http") && "127.0.0.1".equals(URI.create(uri).getHost()));
        if (!loopback || !"none".equals(metadata.path("token_endpoint_auth_method").asText())) {
            error(response, "invalid_client_metadata", "only public clients with loopback redirect URIs");
            return;
        }
        String clientId = "mcp-" + UUID.randomUUID();
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(metadata.path("client_name").asText("unnamed"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build());
        redirects.forEach(client::redirectUri);
        String scope = metadata.path("scope").asText("");
        for (String s : scope.split(" ")) {
            if (!s.isBlank()) {
                client.scope(s);
            }
        }
        clients.save(client.build());
        REGISTERED.add(clientId);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("client_id", clientId);
        answer.put("client_id_issued_at", System.currentTimeMillis() / 1000);
        answer.set("redirect_uris", metadata.path("redirect_uris"));
        answer.putArray("grant_types").add("authorization_code").add("refresh_token");
        answer.putArray("response_types").add("code");
        answer.put("token_endpoint_auth_method", "none");
        if (!scope.isBlank()) {
            answer.put("scope", scope);
        }
        write(response, 201, answer);
    }

    private static void error(HttpServletResponse response, String code, String description) throws IOException {
        write(response, 400, JSON.createObjectNode().put("error", code).put("error_description", description));
    }

    private static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
