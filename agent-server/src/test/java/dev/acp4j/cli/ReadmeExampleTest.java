package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's agent is the example project's, which the build compiles and runs: no line of it may drift. */
class ReadmeExampleTest {

    @Test
    void theReadmesAgentIsTheCompiledExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Writing your own agent");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start));
        String source = Files.readString(Path.of("..", "examples", "weather-agent", "src", "main", "java",
                "dev", "acp4j", "examples", "weather", "WeatherAgent.java"));

        List<String> lines = snippet.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(40);
        int from = 0;
        for (String line : lines) {
            int at = source.indexOf(line + "\n", from);
            assertThat(at).as("README line, in order, in WeatherAgent.java: %s", line).isNotNegative();
            from = at + line.length();
        }
    }
}
