package dev.acp4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.ExchangeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An {@code oauth2} method's {@code headers}, {@code apiBaseUrl} and {@code exchange}, from JSON and in code. */
class ExchangeConfigTest {

    private static final String COPILOT = """
            {"authMethods": [{"id": "copilot", "type": "oauth2", "name": "Sign in with GitHub Copilot",
              "flow": "device_code", "clientId": "Iv1.b507a08c87ecfe98",
              "deviceAuthorizationEndpoint": "https://github.com/login/device/code",
              "tokenEndpoint": "https://github.com/login/oauth/access_token",
              "headers": {"Copilot-Integration-Id": "vscode-chat", "Editor-Version": "acp4j/0.1"},
              "apiBaseUrl": "https://api.githubcopilot.com",
              "exchange": %s}]}""";

    @Test
    void readsACopilotShapedMethod() throws Exception {
        AuthMethodConfig.OAuthConfig oauth = parse(COPILOT.formatted("""
                {"endpoint": "https://api.github.com/copilot_internal/v2/token",
                 "headers": {"Editor-Version": "acp4j/0.1"}, "tokenPlacement": "authorization: token",
                 "apiBaseUrlField": "endpoints.api"}""")).authMethods().get(0).oauth();

        assertThat(oauth.headers()).containsExactly(Map.entry("Copilot-Integration-Id", "vscode-chat"),
                Map.entry("Editor-Version", "acp4j/0.1"));
        assertThat(oauth.apiBaseUrl()).isEqualTo("https://api.githubcopilot.com");
        assertThat(oauth.exchange()).isEqualTo(new ExchangeConfig("https://api.github.com/copilot_internal/v2/token",
                "GET", Map.of("Editor-Version", "acp4j/0.1"), "authorization: token", "token", "expires_at", null,
                "endpoints.api"));
    }

    @Test
    void theDefaultsAreABearerGetAnsweringTokenAndExpiresAt() throws Exception {
        ExchangeConfig exchange = parse(COPILOT.formatted("{\"endpoint\": \"https://x.example/token\"}"))
                .authMethods().get(0).oauth().exchange();

        assertThat(exchange).isEqualTo(new ExchangeConfig("https://x.example/token", "GET", Map.of(),
                "authorization: Bearer", "token", "expires_at", null, null));
        assertThat(parse(COPILOT.formatted("{\"endpoint\": \"https://x.example/token\", \"expiresInField\": \"ttl\"}"))
                .authMethods().get(0).oauth().exchange().expiresAtField()).isNull();
    }

    @Test
    void everyMistakeIsNamed() {
        assertThatThrownBy(() -> parse(COPILOT.formatted("""
                {"method": "PUT", "tokenPlacement": "cookie", "tokenfield": "t", "headers": {"Bad Name": "x"},
                 "expiresAtField": "a", "expiresInField": "b", "apiBaseUrlField": "endpoints..api"}""")))
                .hasMessageContaining("exchange: unknown key \"tokenfield\"")
                .hasMessageContaining("exchange needs an \"endpoint\"")
                .hasMessageContaining("exchange.method must be GET or POST")
                .hasMessageContaining("exchange.tokenPlacement must be 'authorization: SCHEME', 'header: NAME',"
                        + " 'query: NAME' or 'form: NAME'")
                .hasMessageContaining("exchange.headers: 'Bad Name' is not a header name")
                .hasMessageContaining("exchange has both expiresAtField and expiresInField")
                .hasMessageContaining("exchange.apiBaseUrlField must be a field name or a dotted path");
        assertThatThrownBy(() -> parse(COPILOT.formatted(
                "{\"endpoint\": \"ftp://x.example/t\", \"tokenPlacement\": \"form: access_token\"}")))
                .hasMessageContaining("exchange.endpoint 'ftp://x.example/t' is not an absolute http(s) URL")
                .hasMessageContaining("needs \"method\": \"POST\"");
        assertThatThrownBy(() -> parse(COPILOT.formatted(
                "{\"endpoint\": \"https://x.example/t\", \"headers\": {\"authorization\": \"token x\"}}")))
                .hasMessageContaining("exchange.headers sets authorization, which exchange.tokenPlacement uses");
        assertThatThrownBy(() -> parse(COPILOT.formatted("\"https://x.example/t\"")))
                .hasMessageContaining("\"exchange\" must be an object");
        assertThatThrownBy(() -> parse(COPILOT.formatted("null").replace("\"vscode-chat\"", "1")
                .replace("https://api.githubcopilot.com", "api.githubcopilot.com")))
                .hasMessageContaining("\"headers\".Copilot-Integration-Id must be a string")
                .hasMessageContaining("apiBaseUrl 'api.githubcopilot.com' is not an absolute http(s) URL");
        assertThatThrownBy(() -> parse(COPILOT.formatted("null").replace("Copilot-Integration-Id", "Authorization")))
                .hasMessageContaining("headers may not set Authorization");
    }

    @Test
    void theBuilderAppliesTheSameRules() {
        AuthMethodConfig method = AuthMethodConfig.oauth2("copilot", "Sign in with GitHub Copilot").flow("device_code")
                .clientId("Iv1.x").deviceAuthorizationEndpoint("https://github.com/login/device/code")
                .tokenEndpoint("https://github.com/login/oauth/access_token")
                .header("Copilot-Integration-Id", "vscode-chat").apiBaseUrl("https://api.githubcopilot.com")
                .exchange(ExchangeConfig.builder("https://api.github.com/copilot_internal/v2/token")
                        .tokenPlacement("authorization: token").header("Editor-Version", "acp4j/0.1")
                        .apiBaseUrlField("endpoints.api").build())
                .build();
        assertThat(method.oauth().exchange().tokenPlacement()).isEqualTo("authorization: token");

        assertThatThrownBy(() -> AuthMethodConfig.oauth2("c", "C").issuer("https://c.example").clientId("x")
                .exchange(ExchangeConfig.builder("https://c.example/t").method("POST").tokenPlacement("query").build())
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("config (code): auth method (id 'c'): exchange.tokenPlacement must be");
    }

    private static ServerConfig parse(String json) throws ConfigException {
        return new ConfigLoader().parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
