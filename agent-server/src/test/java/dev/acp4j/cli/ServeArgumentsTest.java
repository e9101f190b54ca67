package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The launch arguments read without picocli mean exactly what picocli reads from them. */
class ServeArgumentsTest {

    @TempDir
    Path dir;

    private StartParameters startParameters;

    @BeforeEach
    void configWithAStartParameter() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "openai-file", "type": "start_param", "name": "OpenAI key file",
                  "params": [{"name": "--openai-key-file", "label": "Path to a file holding the key"}]}]}""");
        startParameters = new StartParameters(new ConfigLoader().load(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "--config c.json",
        "--config=c.json",
        "--config c.json --trace t.jsonl --max-line-bytes 2048 --log-level debug --openai-key-file k.txt",
        "--openai-key-file=k.txt --log-level=warn --max-line-bytes=1024",
        "--trace /tmp/x.jsonl --config /tmp/c.json"})
    void readsWhatPicocliReads(String line) {
        String[] args = split(line);
        Optional<ServeArguments> fast = ServeArguments.read(args, startParameters.names());

        assertThat(fast).as("read without picocli: %s", line).isPresent();
        LauncherOptions main = new LauncherOptions();
        CommandLine commandLine = new CommandLine(main);
        startParameters.declare(commandLine.getCommandSpec());
        Map<String, String> startValues = startParameters.values(commandLine.parseArgs(args));
        assertThat(fast.get()).isEqualTo(new ServeArguments(main.config, main.trace, main.maxLineBytes, main.logLevel,
                startValues));
        assertThat(main.login).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--help", "-h", "--version", "-V", "--login", "--login key-page", "--config c.json --login",
        "--no-such-flag x", "--config", "--config c.json --config d.json", "--config=", "--config --trace",
        "--max-line-bytes 12x", "--max-line-bytes 99999999999", "--max-line-bytes -5", "positional",
        "--openai-key-file", "--trace=t --trace=u"})
    void leavesEverythingElseToPicocli(String line) {
        assertThat(ServeArguments.read(split(line), startParameters.names())).isEmpty();
    }

    @Test
    void defaultsAreThoseOfTheOptions() throws IOException {
        LauncherOptions main = new LauncherOptions();
        new CommandLine(main).parseArgs();

        ServeArguments fast = ServeArguments.read(new String[0], startParameters.names()).orElseThrow();

        assertThat(fast.maxLineBytes()).isEqualTo(main.maxLineBytes).isEqualTo(32 * 1024 * 1024);
        assertThat(fast.logLevel()).isEqualTo(main.logLevel);
        assertThat(fast.config()).isNull();
        assertThat(fast.startValues()).isEmpty();
    }

    private static String[] split(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }
}
