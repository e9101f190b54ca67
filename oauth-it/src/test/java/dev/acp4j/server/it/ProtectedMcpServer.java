package dev.acp4j.server.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server (the MCP Java SDK's servlet streamable-HTTP transport, in an embedded Tomcat
 * on 127.0.0.1) that is an OAuth protected resource: without a valid access token of {@code issuer}
 * (a JWT checked against the issuer's JWKS) it answers 401 with
 * {@code WWW-Authenticate: Bearer resource_metadata="..."} and serves its RFC 9728 metadata.
 */
final class ProtectedMcpServer implements AutoCloseable {

    static final String TOOL = "weather";
    static final String TOOL_DESCRIPTION = "Tells the weather";
    static final String SECOND_TOOL = "time";

    /** Paths of every request, with {@code " bearer"} appended when it carried an accepted token. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Every access token it accepted. */
    final List<String> acceptedTokens = new CopyOnWriteArrayList<>();

    private final Tomcat tomcat;
    private final McpSyncServer mcp;
    private final URI url;

    private ProtectedMcpServer(Tomcat tomcat, McpSyncServer mcp, URI url) {
        this.tomcat = tomcat;
        this.mcp = mcp;
        this.url = url;
    }

    static ProtectedMcpServer start(URI issuer, String scope) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .mcpEndpoint("/mcp")
                .build();
        McpSyncServer mcp = McpServer.sync(transport)
                .serverInfo("protected-mcp", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tool(TOOL, TOOL_DESCRIPTION), tool(SECOND_TOOL, "Tells the time"))
                .build();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("mcp-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/mcp", "mcp");
        // the bearer filter answers the metadata; a servlet must be mapped for a filter to run
        context.addServletMappingDecoded("/.well-known/oauth-protected-resource/*", "mcp");
        ProtectedMcpServer[] self = new ProtectedMcpServer[1];
        FilterDef bearer = new FilterDef();
        bearer.setFilterName("bearer");
        bearer.setFilter((Filter) (request, response, chain) -> self[0].guard(request, response, chain, issuer, scope));
        bearer.setAsyncSupported("true");
        context.addFilterDef(bearer);
        FilterMap map = new FilterMap();
        map.setFilterName("bearer");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
        URI url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
        self[0] = new ProtectedMcpServer(tomcat, mcp, url);
        self[0].verifier = verifier(issuer);
        return self[0];
    }

    private DefaultJWTProcessor<SecurityContext> verifier;

    URI url() {
        return url;
    }

    URI metadataUrl() {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/.well-known/oauth-protected-resource/mcp");
    }

    long count(String request) {
        return requests.stream().filter(request::equals).count();
    }

    private void guard(ServletRequest req, ServletResponse res, FilterChain chain, URI issuer, String scope)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        if (path.equals(metadataUrl().getRawPath())) {
            requests.add(path);
            String body = new ObjectMapper().writeValueAsString(Map.of("resource", url.toString(),
                    "authorization_servers", List.of(issuer.toString()), "scopes_supported", List.of(scope),
                    "bearer_methods_supported", List.of("header")));
            response.setContentType("application/json");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ") && valid(authorization.substring(7))) {
            requests.add(path + " bearer");
            acceptedTokens.add(authorization.substring(7));
            chain.doFilter(req, res);
            return;
        }
        requests.add(path);
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", resource_metadata=\""
                + metadataUrl() + "\", scope=\"" + scope + "\"");
    }

    private boolean valid(String token) {
        try {
            verifier.process(token, null);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static DefaultJWTProcessor<SecurityContext> verifier(URI issuer) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(issuer + "/oauth2/jwks")).retrying(true).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer.toString()).build(), Set.of("sub", "exp")));
        return processor;
    }

    private static McpServerFeatures.SyncToolSpecification tool(String name, String description) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), null, null, null))
                .build();
        return new McpServerFeatures.SyncToolSpecification(tool, (exchange, call) ->
                McpSchema.CallToolResult.builder().addTextContent(name).build());
    }

    @Override
    public void close() throws LifecycleException {
        mcp.close();
        tomcat.stop();
        tomcat.destroy();
    }
}
