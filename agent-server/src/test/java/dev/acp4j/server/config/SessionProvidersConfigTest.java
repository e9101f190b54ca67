package dev.acp4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code configOptionProviders} and {@code mcpSignIn}, from a file and in code, with the same rules. */
class SessionProvidersConfigTest {

    private static final String METHODS = """
            "authMethods": [
              {"id": "openai-page", "type": "api_key_page", "name": "Enter an OpenAI API key", "provider": "openai"},
              {"id": "claude-page", "type": "api_key_page", "name": "Enter an Anthropic API key", "provider": "anthropic"}
            ]""";

    private static ServerConfig parse(String json) throws ConfigException {
        return new ConfigLoader().parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void absentMeansNoProviderPerOptionAndLazyMcpSignIn() throws Exception {
        ServerConfig config = parse("{" + METHODS + "}");
        assertThat(config.configOptionProviders()).isEmpty();
        assertThat(config.mcpSignIn()).isEqualTo(McpSignInMode.LAZY);
        assertThat(ServerConfig.empty("x").mcpSignIn()).isEqualTo(McpSignInMode.LAZY);
    }

    @Test
    void readsTheProviderOfEachOptionValueAndEagerMcpSignIn() throws Exception {
        ServerConfig config = parse("{" + METHODS + """
                , "configOptionProviders": {"model": {"gpt-5": "openai", "claude-opus": "anthropic"}},
                "mcpSignIn": "eager"}""");
        assertThat(config.configOptionProviders())
                .isEqualTo(Map.of("model", Map.of("gpt-5", "openai", "claude-opus", "anthropic")));
        assertThat(config.mcpSignIn()).isEqualTo(McpSignInMode.EAGER);
    }

    @Test
    void anUnknownProviderAWrongShapeOrAnUnknownModeIsAnErrorNamingIt() {
        assertThatThrownBy(() -> parse("{" + METHODS + ", \"configOptionProviders\": {\"model\": {\"o3\": \"openia\"}}}"))
                .hasMessageContaining("configOptionProviders.model.o3: provider 'openia' is not the provider of any"
                        + " auth method (the providers: openai, anthropic)");
        assertThatThrownBy(() -> parse("{" + METHODS + ", \"configOptionProviders\": {\"model\": \"openai\"}}"))
                .hasMessageContaining("configOptionProviders must map config option ids to objects");
        assertThatThrownBy(() -> parse("{" + METHODS + ", \"configOptionProviders\": {\"model\": {\"o3\": 3}}}"))
                .hasMessageContaining("configOptionProviders.model.o3 must be a provider name");
        assertThatThrownBy(() -> parse("{\"mcpSignIn\": \"always\"}"))
                .hasMessageContaining("mcpSignIn must be \"lazy\"").hasMessageContaining("or \"eager\" (at session/new)");
    }

    @Test
    void theBuilderAppliesTheSameRule() {
        ServerConfig config = ServerConfig.builder()
                .authMethod(AuthMethodConfig.apiKeyPage("openai-page", "Enter an OpenAI API key").provider("openai").build())
                .configOptionProvider("model", "gpt-5", "openai")
                .mcpSignIn(McpSignInMode.EAGER)
                .build();
        assertThat(config.configOptionProviders()).isEqualTo(Map.of("model", Map.of("gpt-5", "openai")));
        assertThat(config.mcpSignIn()).isEqualTo(McpSignInMode.EAGER);
        assertThatThrownBy(() -> ServerConfig.builder().configOptionProvider("model", "gpt-5", "openai").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configOptionProviders.model.gpt-5: provider 'openai' is not the provider of any auth method");
    }
}
