package dev.acp4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target over the configuration loader: any bytes as the {@code --config} file give a
 * configuration or one {@link ConfigException} whose message names the file;
 * no other exception escapes. The seeds (valid configurations of every auth method type and the
 * mistakes users make) are replayed by {@code mvn verify}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ConfigLoaderFuzzTest {

    private final ConfigLoader loader = new ConfigLoader();

    @FuzzTest(maxDuration = "5m")
    void configuration(byte[] json) {
        try {
            ServerConfig config = loader.parse("fuzz.json", json);
            assertThat(config).isNotNull();
            assertThat(config.authMethods()).isNotNull();
        } catch (ConfigException e) {
            // its length is not bounded: every problem is listed, each with its method's id
            assertThat(e.getMessage()).as("a message naming the file").startsWith("config fuzz.json");
            assertThat(e.getMessage()).as("one clear message").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
