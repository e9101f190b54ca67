package dev.acp4j.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.protocol.mcp.HttpHeader;
import io.modelcontextprotocol.client.McpSyncClient;
import dev.acp4j.auth.oauth.TrustBundle;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientAuthorizationErrorHandler;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One short-lived streamable-HTTP MCP session ({@code initialize}, then {@code tools/list} or
 * {@code tools/call}) with the Authorization header set on every request by the transport's
 * request customizer. With {@link StdioMcpClient} and {@link McpCalls}, the only classes that
 * touch the MCP Java SDK; loaded on the first use of an MCP server only.
 */
final class StreamableHttpMcpClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private StreamableHttpMcpClient() {
    }

    /**
     * @param accessToken sent as {@code Authorization: Bearer}, or null to send none
     * @throws McpUnauthorizedException on 401
     * @throws McpServerUnavailableException on any other failure
     */
    static List<McpTool> listTools(URI server, List<HttpHeader> headers, String accessToken) {
        return run(server, headers, accessToken, TrustBundle.DEFAULT, McpCalls::listTools);
    }

    /** One MCP session that runs {@code work} after {@code initialize}; failures as for {@link #listTools}. */
    static <T> T run(URI server, List<HttpHeader> headers, String accessToken, TrustBundle trust,
                     Function<McpSyncClient, T> work) {
        AtomicReference<HttpResponse.ResponseInfo> refused = new AtomicReference<>();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(server.getScheme() + "://" + server.getRawAuthority())
                .endpoint(endpoint(server))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .connectTimeout(CONNECT_TIMEOUT)
                .openConnectionOnStartup(false)
                .customizeClient(client -> {
                    if (trust.sslContext() != null) {
                        client.sslContext(trust.sslContext());
                    }
                })
                .httpRequestCustomizer((request, method, uri, body, context) -> authorize(request, headers, accessToken))
                .authorizationErrorHandler(McpHttpClientAuthorizationErrorHandler.fromSync((response, context) -> {
                    refused.compareAndSet(null, response);
                    return false; // the sign-in runs on the turn's thread, then a new session retries
                }))
                .build();
        McpSyncClient client = McpCalls.client(transport);
        try {
            client.initialize();
            return work.apply(client);
        } catch (RuntimeException e) {
            HttpResponse.ResponseInfo response = refused.get();
            if (response != null) {
                throw refusal(response);
            }
            throw translate(e);
        } finally {
            client.close();
        }
    }

    private static void authorize(HttpRequest.Builder request, List<HttpHeader> headers, String accessToken) {
        for (HttpHeader header : headers == null ? List.<HttpHeader>of() : headers) {
            if (accessToken == null || !"authorization".equalsIgnoreCase(header.name())) {
                request.setHeader(header.name(), header.value());
            }
        }
        if (accessToken != null) {
            request.setHeader("Authorization", "Bearer " + accessToken);
        }
    }

    private static String endpoint(URI server) {
        String path = server.getRawPath() == null || server.getRawPath().isEmpty() ? "/" : server.getRawPath();
        return server.getRawQuery() == null ? path : path + "?" + server.getRawQuery();
    }

    private static RuntimeException refusal(HttpResponse.ResponseInfo response) {
        if (response.statusCode() == 401) {
            return new McpUnauthorizedException(response.headers().firstValue("WWW-Authenticate").orElse(null));
        }
        return new McpServerUnavailableException("it refused access (HTTP " + response.statusCode() + ")");
    }

    private static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof McpHttpClientTransportAuthorizationException denied) {
                return refusal(denied.getResponseInfo());
            }
        }
        Throwable root = failure;
        boolean tls = false;
        while (root.getCause() != null) {
            tls |= root instanceof javax.net.ssl.SSLException;
            root = root.getCause();
        }
        if (tls || root instanceof javax.net.ssl.SSLException) {
            return new McpServerUnavailableException("the TLS connection to it failed (" + root.getMessage()
                    + "); if its certificate is signed by your organisation's own CA, give the server an mcpClients"
                    + " entry with that CA's certificate as caBundle");
        }
        return new McpServerUnavailableException("it could not be reached or did not speak MCP ("
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")");
    }
}
