package dev.acp4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void readsTheIssueExampleInPreferenceOrder() throws Exception {
        ServerConfig config = parse("""
                {"authMethods": [
                  {"id": "openai-page", "type": "api_key_page", "name": "Enter an OpenAI API key", "provider": "openai",
                   "providerName": "OpenAI"},
                  {"id": "openai-env",  "type": "env_var", "name": "OpenAI key from the environment", "provider": "openai",
                   "vars": [{"name": "OPENAI_API_KEY", "label": "API key"}], "link": "https://platform.openai.com/api-keys"},
                  {"id": "openai-file", "type": "start_param", "name": "OpenAI key file", "provider": "openai",
                   "params": [{"name": "--openai-key-file", "label": "Path to a file holding the key"}]},
                  {"id": "terminal-login", "type": "terminal", "name": "Log in from a terminal"}
                ], "elicitationTimeoutSeconds": 90}""");
        assertThat(config.authMethods()).extracting(AuthMethodConfig::id)
                .containsExactly("openai-page", "openai-env", "openai-file", "terminal-login");
        AuthMethodConfig env = config.authMethods().get(1);
        assertThat(env.type()).isEqualTo(AuthMethodType.ENV_VAR);
        assertThat(env.inputs()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("OPENAI_API_KEY");
            assertThat(v.secret()).isTrue();
            assertThat(v.optional()).isFalse();
        });
        assertThat(config.authMethods().get(3).provider()).as("provider defaults to the id").isEqualTo("terminal-login");
        assertThat(config.authMethods().get(0).providerName()).isEqualTo("OpenAI");
        assertThat(env.providerName()).as("the display name defaults to the provider").isEqualTo("openai");
        assertThat(config.elicitationTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theEmptyConfigHasNoMethods() throws Exception {
        assertThat(parse("{}").authMethods()).isEmpty();
    }

    @Test
    void sessionStoreIsADirectoryOrNoneAndAbsentMeansTheDefault(@TempDir Path dir) throws Exception {
        assertThat(parse("{}").sessionStore()).isNull();
        assertThat(parse("{\"sessionStore\": \"none\"}").sessionStore()).isEqualTo("none");
        assertThat(parse("{\"sessionStore\": \"/var/lib/agent/sessions\"}").sessionStore())
                .isEqualTo("/var/lib/agent/sessions");
        for (String bad : new String[] {"\"relative/dir\"", "\"\"", "42", "null", "true"}) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, "{\"sessionStore\": " + bad + "}");
            assertThatThrownBy(() -> loader.load(file)).as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("config " + file + ": sessionStore must be an absolute directory path, or \"none\""
                            + " to keep sessions in memory only");
        }
    }

    @Test
    void theBuiltInDefaultWorksOffline() {
        ServerConfig config = loader.loadDefault();
        assertThat(config.authMethods()).extracting(AuthMethodConfig::type)
                .containsExactly(AuthMethodType.API_KEY_PAGE, AuthMethodType.ENV_VAR, AuthMethodType.TERMINAL);
    }

    @Test
    void everyProblemNamesTheFileTheMethodAndWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acp4j.json");
        Files.writeString(file, """
                {"authMethods": [
                  {"id": "a", "type": "carrier_pigeon", "name": "A"},
                  {"id": "b", "type": "env_var", "name": "B", "vars": []},
                  {"id": "b", "type": "terminal", "name": "B again"},
                  {"id": "c", "type": "start_param", "name": "C", "params": [{"name": "no-dashes"}]},
                  {"id": "d", "type": "api_key_page"},
                  {"id": "e", "type": "api_key_page", "name": "E", "colour": "blue"}
                ], "authMetods": []}""");
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config " + file + ": ")
                .hasMessageContaining("unknown key \"authMetods\"")
                .hasMessageContaining("(id 'a'): unknown type 'carrier_pigeon' (expected one of api_key_page")
                .hasMessageContaining("(id 'b'): vars must be a non-empty array")
                .hasMessageContaining("(id 'b'): duplicate id")
                .hasMessageContaining("name 'no-dashes' must be a command-line flag")
                .hasMessageContaining("(id 'd'): missing \"name\"")
                .hasMessageContaining("(id 'e'): unknown key \"colour\"")
                .message().doesNotContain("\n");
    }

    @Test
    void notJsonAndMissingFilesAreReportedClearly(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"authMethods\": [", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(broken)).hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.json"))).hasMessageContaining("nope.json: no such file");
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> parse("{\"authMethods\":{}}")).hasMessageContaining("authMethods must be an array");
    }

    @Test
    void aKeyTwiceInOneObjectIsAnErrorNotASilentlyDroppedSetting() {
        assertThatThrownBy(() -> parse("{\"authMethods\":[{\"id\":\"k\",\"type\":\"api_key_page\",\"name\":\"K\","
                + "\"keyPattern\":\"sk-.*\",\"keyPattern\":\".*\"}]}"))
                .hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate field 'keyPattern'");
    }

    private ServerConfig parse(String json) throws ConfigException {
        return loader.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
