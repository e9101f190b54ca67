package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectedResourceMetadataTest {

    private static final URI SERVER = URI.create("https://mcp.example.com/tenant/mcp");

    @Test
    void parsesTheMembersAClientNeeds() {
        ProtectedResourceMetadata metadata = parse("""
                {"resource": "https://mcp.example.com/tenant/mcp",
                 "authorization_servers": ["https://as.example.com/tenant", "https://other.example.com"],
                 "scopes_supported": ["mcp:tools"], "bearer_methods_supported": ["header"]}""");

        assertThat(metadata.resource()).isEqualTo(SERVER);
        assertThat(metadata.authorizationServers()).containsExactly(
                URI.create("https://as.example.com/tenant"), URI.create("https://other.example.com"));
        assertThat(metadata.scopesSupported()).containsExactly("mcp:tools");
    }

    @Test
    void scopesAreOptional() {
        assertThat(parse("{\"resource\":\"https://mcp.example.com/tenant/mcp\",\"authorization_servers\":[\"https://as.example\"]}")
                .scopesSupported()).isEmpty();
    }

    @Test
    void theResourceMustBeTheUrlTheClientUsed() {
        assertThatThrownBy(() -> parse("{\"resource\":\"https://evil.example/mcp\",\"authorization_servers\":[\"https://as.example\"]}"))
                .isInstanceOf(OAuthException.class).hasMessageContaining("is for https://evil.example/mcp, not " + SERVER);
        assertThatThrownBy(() -> parse("{\"authorization_servers\":[\"https://as.example\"]}"))
                .isInstanceOf(OAuthException.class).hasMessageContaining("no \"resource\"");
    }

    @Test
    void itMustNameAnAuthorizationServer() {
        for (String servers : List.of("", ",\"authorization_servers\":[]", ",\"authorization_servers\":null")) {
            assertThatThrownBy(() -> parse("{\"resource\":\"" + SERVER + "\"" + servers + "}"))
                    .isInstanceOf(OAuthException.class).hasMessageContaining("names no authorization server");
        }
        assertThatThrownBy(() -> parse("{\"resource\":\"" + SERVER + "\",\"authorization_servers\":[\"ftp://as\"]}"))
                .isInstanceOf(OAuthException.class).hasMessageContaining("unusable authorization server");
        assertThatThrownBy(() -> parse("{\"resource\":\"" + SERVER + "\",\"authorization_servers\":\"https://as\"}"))
                .isInstanceOf(OAuthException.class).hasMessageContaining("not an array");
    }

    @Test
    void notAJsonObjectIsRefused() {
        assertThatThrownBy(() -> parse("<html>")).isInstanceOf(OAuthException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(OAuthException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void theWellKnownUrlGoesBetweenHostAndPath() {
        assertThat(ProtectedResourceMetadata.wellKnownUrl(SERVER))
                .isEqualTo(URI.create("https://mcp.example.com/.well-known/oauth-protected-resource/tenant/mcp"));
        assertThat(ProtectedResourceMetadata.wellKnownUrl(URI.create("http://127.0.0.1:8080/")))
                .isEqualTo(URI.create("http://127.0.0.1:8080/.well-known/oauth-protected-resource"));
    }

    private static ProtectedResourceMetadata parse(String json) {
        return ProtectedResourceMetadata.parse(json.getBytes(StandardCharsets.UTF_8), SERVER);
    }
}
