package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.LoginCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfLaunchTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(SelfLaunch.LAUNCHER_PROPERTY);
    }

    @Test
    void theLauncherGivenByTheScriptIsUsedWithItsRealPathAndTheConfigMadeAbsolute() throws Exception {
        Path launcher = Files.writeString(dir.resolve("acp4j"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), launcher);
        System.setProperty(SelfLaunch.LAUNCHER_PROPERTY, Path.of("").toAbsolutePath().relativize(link).toString());

        LoginCommand command = SelfLaunch.loginCommand(Path.of("some", "config.json"), null,
                Map.of("XDG_CONFIG_HOME", "/home/u/.cfg"), () -> "com.example.weather.WeatherMain");
        assertThat(command.command()).isEqualTo(launcher.toRealPath());
        assertThat(command.argsFor("m", List.of())).containsExactly("--config",
                Path.of("some", "config.json").toAbsolutePath().toString(), "--login", "m");
        assertThat(command.env()).as("the login finds the same default store").containsEntry("XDG_CONFIG_HOME", "/home/u/.cfg");
        assertThat(SelfLaunch.loginCommand(null, Path.of("/x/credentials.json"), Map.of("XDG_CONFIG_HOME", "/c"), () -> null).env())
                .as("an explicit store is in the configuration").isEmpty();
    }

    @Test
    void withoutTheScriptItIsThisJvmsJavaWithItsClassPathAndTheAgentsMainClass() {
        System.setProperty(SelfLaunch.LAUNCHER_PROPERTY, dir.resolve("not-there").toString());
        LoginCommand command = SelfLaunch.loginCommand(null, null, Map.of(), () -> "com.example.weather.WeatherMain");
        assertThat(command.command()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(Files.isExecutable(command.command())).isTrue();
        List<String> args = command.argsFor("m", List.of());
        assertThat(args.get(0)).isEqualTo("-cp");
        assertThat(args.subList(2, args.size())).containsExactly("com.example.weather.WeatherMain", "--login", "m");
        assertThat(SelfLaunch.loginCommand(null, null, Map.of(), () -> null)).as("no launcher, no main class: no command").isNull();
    }

    @Test
    void theCallerIsTheMainClassWhenItHasAStaticMainElseTheJavaCommandsClass() {
        assertThat(SelfLaunch.mainClass(Main.class)).isEqualTo(Main.class.getName());
        assertThat(SelfLaunch.mainClass(SelfLaunch.class)).as("no main method").isEqualTo(SelfLaunch.commandMainClass());
        assertThat(SelfLaunch.mainClass(null)).isEqualTo(SelfLaunch.commandMainClass());
    }

    @Test
    void theMainClassOfTheJavaCommandIsTakenButNotAJar() {
        String saved = System.getProperty("sun.java.command");
        try {
            System.setProperty("sun.java.command", "com.example.weather.WeatherMain --config /x.json");
            assertThat(SelfLaunch.commandMainClass()).isEqualTo("com.example.weather.WeatherMain");
            System.setProperty("sun.java.command", "weather.jar --config /x.json");
            assertThat(SelfLaunch.commandMainClass()).isNull();
            System.setProperty("sun.java.command", "/opt/w/weather-agent.jar");
            assertThat(SelfLaunch.commandMainClass()).isNull();
        } finally {
            if (saved == null) {
                System.clearProperty("sun.java.command");
            } else {
                System.setProperty("sun.java.command", saved);
            }
        }
    }
}
