package dev.acp4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A configuration built in code follows the rules of a {@code --config} file, worded the same. */
class ConfigBuilderTest {

    @Test
    void aValidConfigurationIsWhatTheLoaderReadsFromTheSameJson() throws Exception {
        ServerConfig built = ServerConfig.builder()
                .source("weather")
                .authMethod(AuthMethodConfig.apiKeyPage("wx-page", "Enter a Weather API key").provider("weather")
                        .providerName("Weather Service").keyPattern("wx-[a-z0-9]+").build())
                .authMethod(AuthMethodConfig.envVar("wx-env", "Weather key from the environment").provider("weather")
                        .variable("WEATHER_API_KEY", "API key").link("https://example.com/keys").build())
                .authMethod(AuthMethodConfig.startParam("wx-file", "Weather key file").provider("weather")
                        .parameter("--weather-key-file", "Weather key file").build())
                .authMethod(AuthMethodConfig.terminal("wx-terminal", "Log in from a terminal").build())
                .authMethod(AuthMethodConfig.oauth2("wx-oauth", "Sign in").issuer("https://auth.example.com")
                        .clientId("weather-cli").scopes(List.of("forecast")).build())
                .credentialStore(Path.of("/tmp/store.json"))
                .elicitationTimeout(Duration.ofSeconds(90))
                .build();
        ServerConfig loaded = new ConfigLoader().parse("weather", """
                {"authMethods": [
                  {"id": "wx-page", "type": "api_key_page", "name": "Enter a Weather API key", "provider": "weather",
                   "providerName": "Weather Service", "keyPattern": "wx-[a-z0-9]+"},
                  {"id": "wx-env", "type": "env_var", "name": "Weather key from the environment", "provider": "weather",
                   "vars": [{"name": "WEATHER_API_KEY", "label": "API key"}], "link": "https://example.com/keys"},
                  {"id": "wx-file", "type": "start_param", "name": "Weather key file", "provider": "weather",
                   "params": [{"name": "--weather-key-file", "label": "Weather key file"}]},
                  {"id": "wx-terminal", "type": "terminal", "name": "Log in from a terminal"},
                  {"id": "wx-oauth", "type": "oauth2", "name": "Sign in", "issuer": "https://auth.example.com",
                   "clientId": "weather-cli", "scopes": ["forecast"]}
                ], "credentialStore": "/tmp/store.json", "elicitationTimeoutSeconds": 90}""".getBytes(StandardCharsets.UTF_8));

        assertThat(built).isEqualTo(loaded);
        assertThat(built.authMethods()).extracting(AuthMethodConfig::providerName)
                .containsExactly("Weather Service", "weather", "weather", "wx-terminal", "wx-oauth");
    }

    @Test
    void oauthUrlsMustBeAbsoluteHttpUrls() {
        sameProblem(() -> AuthMethodConfig.oauth2("o", "O").issuer("auth.example.com").clientId("c").build(),
                "{\"id\": \"o\", \"type\": \"oauth2\", \"name\": \"O\", \"issuer\": \"auth.example.com\", \"clientId\": \"c\"}",
                "issuer 'auth.example.com' is not an absolute http(s) URL");
        sameProblem(() -> AuthMethodConfig.oauth2("o", "O").authorizationEndpoint("https://a.example/authorize")
                        .tokenEndpoint("ftp://a.example/token").clientId("c").build(),
                "{\"id\": \"o\", \"type\": \"oauth2\", \"name\": \"O\", \"authorizationEndpoint\": \"https://a.example/authorize\","
                        + " \"tokenEndpoint\": \"ftp://a.example/token\", \"clientId\": \"c\"}",
                "tokenEndpoint 'ftp://a.example/token' is not an absolute http(s) URL");
        sameProblem(() -> AuthMethodConfig.oauth2("o", "O").clientId("c").build(),
                "{\"id\": \"o\", \"type\": \"oauth2\", \"name\": \"O\", \"clientId\": \"c\"}",
                "needs an issuer, or both authorizationEndpoint and tokenEndpoint");
        sameProblem(() -> AuthMethodConfig.oauth2("o", "O").issuer("https://a.example").build(),
                "{\"id\": \"o\", \"type\": \"oauth2\", \"name\": \"O\", \"issuer\": \"https://a.example\"}",
                "missing \"clientId\"");
        sameProblem(() -> AuthMethodConfig.oauth2("o", "O").issuer("https://a.example").clientId("c").flow("magic").build(),
                "{\"id\": \"o\", \"type\": \"oauth2\", \"name\": \"O\", \"issuer\": \"https://a.example\", \"clientId\": \"c\","
                        + " \"flow\": \"magic\"}",
                "flow must be one of auto, authorization_code, device_code");
    }

    @Test
    void aDeviceOnlyProviderNeedsOnlyItsDeviceAuthorizationAndTokenEndpoints() throws Exception {
        AuthMethodConfig built = AuthMethodConfig.oauth2("gh", "GitHub").flow("device_code").clientId("Iv1.abc")
                .deviceAuthorizationEndpoint("https://github.com/login/device/code")
                .tokenEndpoint("https://github.com/login/oauth/access_token").build();
        ServerConfig loaded = new ConfigLoader().parse("gh", """
                {"authMethods": [{"id": "gh", "type": "oauth2", "name": "GitHub", "flow": "device_code",
                  "clientId": "Iv1.abc", "deviceAuthorizationEndpoint": "https://github.com/login/device/code",
                  "tokenEndpoint": "https://github.com/login/oauth/access_token"}]}""".getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.authMethods()).containsExactly(built);

        sameProblem(() -> AuthMethodConfig.oauth2("gh", "GitHub").flow("device_code").clientId("c")
                        .tokenEndpoint("https://github.com/login/oauth/access_token").build(),
                "{\"id\": \"gh\", \"type\": \"oauth2\", \"name\": \"GitHub\", \"flow\": \"device_code\", \"clientId\": \"c\","
                        + " \"tokenEndpoint\": \"https://github.com/login/oauth/access_token\"}",
                "flow device_code needs an issuer, or both deviceAuthorizationEndpoint and tokenEndpoint");
        sameProblem(() -> AuthMethodConfig.oauth2("gh", "GitHub").flow("authorization_code").clientId("c")
                        .deviceAuthorizationEndpoint("https://github.com/login/device/code")
                        .tokenEndpoint("https://github.com/login/oauth/access_token").build(),
                "{\"id\": \"gh\", \"type\": \"oauth2\", \"name\": \"GitHub\", \"flow\": \"authorization_code\","
                        + " \"clientId\": \"c\", \"deviceAuthorizationEndpoint\": \"https://github.com/login/device/code\","
                        + " \"tokenEndpoint\": \"https://github.com/login/oauth/access_token\"}",
                "needs an issuer, or both authorizationEndpoint and tokenEndpoint");
    }

    @Test
    void startParametersMayNotReuseALauncherOption() {
        sameProblem(() -> AuthMethodConfig.startParam("f", "F").parameter("--config", "a file").build(),
                "{\"id\": \"f\", \"type\": \"start_param\", \"name\": \"F\", \"params\": [{\"name\": \"--config\"}]}",
                "params[0]: name '--config' is an option of the launcher itself; choose another flag");
        sameProblem(() -> AuthMethodConfig.startParam("f", "F").parameter("no-dashes", "a file").build(),
                "{\"id\": \"f\", \"type\": \"start_param\", \"name\": \"F\", \"params\": [{\"name\": \"no-dashes\"}]}",
                "params[0]: name 'no-dashes' must be a command-line flag such as --api-key-file");
        sameProblem(() -> AuthMethodConfig.startParam("f", "F").build(),
                "{\"id\": \"f\", \"type\": \"start_param\", \"name\": \"F\"}",
                "params must be a non-empty array of {name, label?, secret?, optional?, kind?}");
    }

    @Test
    void anInputsKindIsApiKeyOrOAuthTokenAndATokenIsASecret() throws Exception {
        AuthMethodConfig built = AuthMethodConfig.envVar("t", "T").tokenVariable("P_OAUTH_TOKEN", "Token").build();
        ServerConfig loaded = new ConfigLoader().parse("kinds", """
                {"authMethods": [{"id": "t", "type": "env_var", "name": "T",
                  "vars": [{"name": "P_OAUTH_TOKEN", "label": "Token", "kind": "oauth_token"}]}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.authMethods()).containsExactly(built);
        assertThat(built.inputs().get(0).oauthToken()).isTrue();
        assertThat(AuthMethodConfig.envVar("k", "K").variable("P_API_KEY", null).build().inputs().get(0).oauthToken())
                .as("api_key is the default").isFalse();

        sameProblem(() -> AuthMethodConfig.envVar("e", "E")
                        .input(new CredentialInput("P_TOKEN", null, true, false, "bearer")).build(),
                "{\"id\": \"e\", \"type\": \"env_var\", \"name\": \"E\", \"vars\": [{\"name\": \"P_TOKEN\", \"kind\": \"bearer\"}]}",
                "vars[0]: kind must be api_key or oauth_token");
        sameProblem(() -> AuthMethodConfig.startParam("s", "S")
                        .input(new CredentialInput("--p-token", null, false, false, CredentialInput.OAUTH_TOKEN)).build(),
                "{\"id\": \"s\", \"type\": \"start_param\", \"name\": \"S\", \"params\": [{\"name\": \"--p-token\","
                        + " \"secret\": false, \"kind\": \"oauth_token\"}]}",
                "params[0]: an input of kind oauth_token is a secret; it cannot set \"secret\": false");
    }

    @Test
    void otherMethodMistakesReadAsInAFile() {
        sameProblem(() -> AuthMethodConfig.envVar("e", "E").variable("1BAD", "key").build(),
                "{\"id\": \"e\", \"type\": \"env_var\", \"name\": \"E\", \"vars\": [{\"name\": \"1BAD\"}]}",
                "vars[0]: name '1BAD' must be an environment variable name");
        sameProblem(() -> AuthMethodConfig.apiKeyPage("k", "K").keyPattern("([").build(),
                "{\"id\": \"k\", \"type\": \"api_key_page\", \"name\": \"K\", \"keyPattern\": \"([\"}",
                "keyPattern is not a valid regular expression");
        sameProblem(() -> AuthMethodConfig.apiKeyPage("k", null).build(),
                "{\"id\": \"k\", \"type\": \"api_key_page\"}",
                "missing \"name\"");
    }

    @Test
    void serverLevelMistakesReadAsInAFile() throws Exception {
        AuthMethodConfig a = AuthMethodConfig.apiKeyPage("a", "A").build();
        assertThatThrownBy(() -> ServerConfig.builder().authMethod(a).authMethod(a).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config (code): authMethods[1] (id 'a'): duplicate id")
                .hasMessage(loaderMessage("{\"authMethods\": [{\"id\": \"a\", \"type\": \"api_key_page\", \"name\": \"A\"},"
                        + " {\"id\": \"a\", \"type\": \"api_key_page\", \"name\": \"A\"}]}"));
        assertThatThrownBy(() -> ServerConfig.builder().elicitationTimeout(Duration.ZERO).build())
                .hasMessage("config (code): elicitationTimeoutSeconds must be a positive whole number")
                .hasMessage(loaderMessage("{\"elicitationTimeoutSeconds\": 0}"));
    }

    @Test
    void aConfigurationMadeWithTheConstructorIsCheckedByValidate() {
        AuthMethodConfig bad = new AuthMethodConfig("o", AuthMethodType.OAUTH2, "O", null, "o", null, List.of(), null,
                List.of(), java.util.Map.of(), null, new AuthMethodConfig.OAuthConfig("nope", "c", List.of(), "auto",
                        null, null, null, null, null, null, "loopback", null, null, null, null, null, null, null));
        assertThatThrownBy(() -> new ServerConfig("mine", List.of(bad), null, ServerConfig.DEFAULT_ELICITATION_TIMEOUT).validate())
                .isInstanceOf(ConfigException.class)
                .hasMessage("config mine: authMethods[0] (id 'o'): issuer 'nope' is not an absolute http(s) URL");
    }

    /** The builder and the loader report {@code problem} for the same mistake, after the method's label. */
    private static void sameProblem(Supplier<AuthMethodConfig> builder, String methodJson, String problem) {
        String fromJson = loaderMessage("{\"authMethods\": [" + methodJson + "]}");
        assertThat(fromJson).endsWith("): " + problem);
        assertThatThrownBy(builder::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("): " + problem)
                .hasMessageStartingWith("config (code): auth method (id '");
    }

    private static String loaderMessage(String json) {
        try {
            new ConfigLoader().parse("(code)", json.getBytes(StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("the loader accepted " + json);
    }
}
