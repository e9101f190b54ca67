package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** No start_param flag can shadow one of the launcher's own options, whichever is added later. */
class LauncherOptionsTest {

    @Test
    void everyLauncherOptionIsRefusedAsAStartParameter() {
        List<OptionSpec> options = new CommandLine(new LauncherOptions()).getCommandSpec().options();
        for (OptionSpec option : options) {
            for (String name : option.names()) {
                assertThatThrownBy(() -> AuthMethodConfig.startParam("f", "F").parameter(name, "a file").build())
                        .as(name)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(name.startsWith("--") ? "is an option of the launcher itself"
                                : "must be a command-line flag");
            }
        }
    }
}
