package dev.acp4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.McpClientConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys of confidential and pre-registered clients and of TLS trust, as a {@code --config} file and code give them. */
class ClientConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    private ServerConfig parse(String json) throws ConfigException {
        return loader.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String method(String extra) {
        return "{\"authMethods\": [{\"id\": \"corp\", \"type\": \"oauth2\", \"name\": \"Corp\","
                + " \"issuer\": \"https://auth.corp.example\", \"clientId\": \"cli\"" + extra + "}]}";
    }

    @Test
    void readsTheClientKeysOfAMethodAndOfMcpClients() throws Exception {
        ServerConfig config = parse("""
                {"authMethods": [{"id": "corp", "type": "oauth2", "name": "Corp", "issuer": "https://auth.corp.example",
                   "clientId": "cli", "clientSecretFile": "/run/secrets/corp", "tokenEndpointAuthMethod": "client_secret_post",
                   "caBundle": "/etc/corp/ca.pem"}],
                 "mcpClients": [
                   {"serverUrl": "https://mcp.corp.example/mcp", "clientId": "acp4j", "clientSecretFile": "/run/secrets/mcp",
                    "scopes": ["tools"], "caBundle": "/etc/corp/ca.pem"},
                   {"issuer": "http://127.0.0.1:8080", "clientId": "local"}]}""");

        AuthMethodConfig.OAuthConfig oauth = config.authMethods().get(0).oauth();
        assertThat(oauth.clientSecretFile()).isEqualTo("/run/secrets/corp");
        assertThat(oauth.tokenEndpointAuthMethod()).isEqualTo("client_secret_post");
        assertThat(oauth.caBundle()).isEqualTo("/etc/corp/ca.pem");
        assertThat(config.mcpClients()).containsExactly(
                new McpClientConfig("https://mcp.corp.example/mcp", null, "acp4j", "/run/secrets/mcp", List.of("tools"),
                        "/etc/corp/ca.pem", null),
                new McpClientConfig(null, "http://127.0.0.1:8080", "local", null, List.of(), null, null));
    }

    @Test
    void anInlineSecretIsRefusedWithAdviceAndWithoutQuotingIt() {
        assertThatThrownBy(() -> parse(method(", \"clientSecret\": \"s3cr3t-value\"")))
                .hasMessageContaining("authMethods[0] (id 'corp'): clientSecret: a client secret does not go in the"
                        + " configuration")
                .hasMessageContaining("clientSecretFile").hasMessageNotContaining("s3cr3t-value")
                .hasMessageNotContaining("unknown key");
        assertThatThrownBy(() -> parse("{\"mcpClients\": [{\"issuer\": \"https://a.example\", \"clientId\": \"x\","
                + " \"clientSecret\": \"s3cr3t-value\"}]}"))
                .hasMessageContaining("mcpClients[0]: clientSecret: a client secret does not go in the configuration")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void wrongClientSettingsAreNamed() {
        assertThatThrownBy(() -> parse(method(", \"clientSecretFile\": \"secret.txt\"")))
                .hasMessageContaining("clientSecretFile must be an absolute file path");
        assertThatThrownBy(() -> parse(method(", \"caBundle\": 7")))
                .hasMessageContaining("\"caBundle\" must be a string");
        assertThatThrownBy(() -> parse(method(", \"clientSecretFile\": \"/s\", \"tokenEndpointAuthMethod\": \"private_key_jwt\"")))
                .hasMessageContaining("tokenEndpointAuthMethod must be client_secret_basic or client_secret_post");
        assertThatThrownBy(() -> parse(method(", \"tokenEndpointAuthMethod\": \"client_secret_basic\"")))
                .hasMessageContaining("tokenEndpointAuthMethod goes with clientSecretFile");
        assertThatThrownBy(() -> parse("{\"mcpClients\": [{\"clientId\": \"x\"}, {\"serverUrl\": \"https://m.example\"},"
                + " {\"issuer\": \"https://a.example\", \"clientId\": \"y\", \"scope\": []},"
                + " {\"issuer\": \"https://a.example\", \"clientId\": \"z\"}, 3]}"))
                .hasMessageContaining("mcpClients[0]: needs serverUrl (the MCP server) or issuer (its authorization server)")
                .hasMessageContaining("mcpClients[1]: missing \"clientId\"")
                .hasMessageContaining("mcpClients[2]: unknown key \"scope\"")
                .hasMessageContaining("mcpClients[3]: a second entry for issuer https://a.example")
                .hasMessageContaining("mcpClients[4] must be an object");
        assertThatThrownBy(() -> parse("{\"mcpClients\": {}}")).hasMessageContaining("mcpClients must be an array");
    }

    @Test
    void plainHttpIsAllowedToLoopbackHostsOnly() throws Exception {
        assertThatThrownBy(() -> parse(method(", \"tokenEndpoint\": \"http://auth.corp.example/token\"")))
                .hasMessageContaining("tokenEndpoint 'http://auth.corp.example/token' uses plain http://, which is only"
                        + " allowed to 127.0.0.1, ::1 or localhost; use https://");
        assertThatThrownBy(() -> parse("{\"mcpClients\": [{\"serverUrl\": \"http://10.0.0.5/mcp\", \"clientId\": \"x\"}]}"))
                .hasMessageContaining("mcpClients[0]: serverUrl 'http://10.0.0.5/mcp' uses plain http://");
        for (String host : List.of("127.0.0.1:9000", "localhost:9000", "[::1]:9000", "LOCALHOST")) {
            assertThat(parse("{\"authMethods\": [{\"id\": \"l\", \"type\": \"oauth2\", \"name\": \"L\", \"clientId\": \"c\","
                    + " \"issuer\": \"http://" + host + "\"}]}").authMethods()).hasSize(1);
        }
    }

    @Test
    void codeGetsTheSameRulesAndWords() {
        assertThatThrownBy(() -> AuthMethodConfig.oauth2("corp", "Corp").issuer("http://auth.corp.example").clientId("c")
                .clientSecretFile("relative").build())
                .hasMessageContaining("config (code): auth method (id 'corp'): issuer 'http://auth.corp.example' uses plain http://")
                .hasMessageContaining("clientSecretFile must be an absolute file path");
        assertThatThrownBy(() -> ServerConfig.builder()
                .mcpClient(new McpClientConfig(null, null, "x", null, List.of(), null, null)).build())
                .hasMessageContaining("mcpClients[0]: needs serverUrl (the MCP server) or issuer (its authorization server)");
        assertThat(AuthMethodConfig.oauth2("corp", "Corp").issuer("https://auth.corp.example").clientId("c")
                .clientSecretFile("/run/secret").tokenEndpointAuthMethod("client_secret_basic").caBundle("/etc/ca.pem")
                .build().oauth().caBundle()).isEqualTo("/etc/ca.pem");
    }
}
