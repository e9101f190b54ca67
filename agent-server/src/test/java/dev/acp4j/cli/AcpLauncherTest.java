package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.protocol.session.StopReason;
import dev.acp4j.server.config.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher in-process: its builder, and what it answers without serving. */
class AcpLauncherTest {

    private static AcpLauncher.Builder weather() {
        return AcpLauncher.builder().name("weather-agent").title("Weather Agent").version("1.2.3")
                .agent(turn -> StopReason.END_TURN);
    }

    @Test
    void versionAndHelpUseTheAgentsOwnName() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(weather().build().run(new String[] {"--version"}, new ByteArrayInputStream(new byte[0]), out))
                .isEqualTo(AcpLauncher.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("weather-agent 1.2.3\n");

        out.reset();
        assertThat(weather().build().run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]), out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: weather-agent ")
                .contains("Weather Agent: an Agent Client Protocol (ACP v1) agent");
    }

    @Test
    void aDefaultConfigurationMadeWithoutTheBuilderIsCheckedAtStartUp() {
        AuthMethodConfig notAUrl = new AuthMethodConfig("o", AuthMethodType.OAUTH2, "O", null, "o", null, List.of(), null,
                List.of(), Map.of(), null, new AuthMethodConfig.OAuthConfig("auth.example.com", "c", List.of(), "auto",
                        null, null, null, null, null, null, "loopback", null, null, null, null, null, null, null));
        AcpLauncher launcher = weather().defaultConfig(new ServerConfig("weather defaults", List.of(notAUrl), null,
                ServerConfig.DEFAULT_ELICITATION_TIMEOUT)).build();
        assertThat(launcher.run(new String[0], new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()))
                .isEqualTo(AcpLauncher.EXIT_USAGE);
    }

    @Test
    void theBuilderNeedsANameThatCanNameADirectory() {
        assertThatThrownBy(() -> AcpLauncher.builder().name("weather").version("1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("agent()");
        assertThatThrownBy(() -> weather().name("../evil").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../evil'");
    }
}
