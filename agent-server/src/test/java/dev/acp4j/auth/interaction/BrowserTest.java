package dev.acp4j.auth.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserTest {

    @TempDir
    Path dir;

    @Test
    void aRemoteSessionOrTheOptOutNeverOpensAnything() throws Exception {
        Path script = script("ok", "exit 0");
        assertThat(Browser.of(Map.of("BROWSER", script.toString(), "SSH_CONNECTION", "a b c d"), "Linux").unavailable())
                .hasValueSatisfying(why -> assertThat(why).contains("SSH_CONNECTION"));
        assertThat(Browser.of(Map.of("BROWSER", script.toString(), "SSH_TTY", "/dev/pts/1"), "Linux").unavailable()).isPresent();
        assertThat(Browser.of(Map.of("BROWSER", script.toString(), "ACP4J_NO_BROWSER", ""), "Linux").unavailable())
                .hasValue("ACP4J_NO_BROWSER is set");
        assertThatThrownBy(() -> Browser.of(Map.of("SSH_TTY", "/dev/pts/1"), "Linux").open(URI.create("http://127.0.0.1/")))
                .isInstanceOf(Browser.OpenFailedException.class);
    }

    @Test
    void browserListsTheFirstProgramFoundAndTheUrlReplacesPercentS() throws Exception {
        Path out = dir.resolve("out.txt");
        Path script = script("record", "printf '%s|%s\\n' \"$1\" \"$2\" > '" + out + "'");
        Browser browser = Browser.of(Map.of("BROWSER", dir.resolve("missing") + ":" + script + " --new-tab %s",
                "PATH", "/usr/bin:/bin"), "Linux");
        assertThat(browser.unavailable()).isEmpty();
        Process process = browser.open(URI.create("http://127.0.0.1:1234/page?a=1&b=x;touch'x'"));
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out).strip()).isEqualTo("--new-tab|http://127.0.0.1:1234/page?a=1&b=x;touch'x'");
        assertThat(Path.of("x")).as("never through a shell").doesNotExist();
    }

    @Test
    void withoutAnOpenerItSaysWhy() throws Exception {
        assertThat(Browser.of(Map.of("BROWSER", dir.resolve("nope").toString()), "Linux").unavailable())
                .hasValueSatisfying(why -> assertThat(why).contains("BROWSER"));
        assertThat(Browser.of(Map.of("PATH", dir.toString()), "Linux").unavailable())
                .hasValueSatisfying(why -> assertThat(why).contains("display"));
        assertThat(Browser.of(Map.of("PATH", dir.toString(), "DISPLAY", ":0"), "Linux").unavailable())
                .hasValueSatisfying(why -> assertThat(why).contains("xdg-open"));
        script("xdg-open", "exit 0");
        assertThat(Browser.of(Map.of("PATH", dir.toString(), "WAYLAND_DISPLAY", "wayland-0"), "Linux").unavailable()).isEmpty();
    }

    private Path script(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
