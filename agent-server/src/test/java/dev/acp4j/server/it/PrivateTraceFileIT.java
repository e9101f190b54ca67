package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17 item 1 for {@code --trace FILE}, through the real launcher under {@code umask 000}. */
class PrivateTraceFileIT extends LauncherTestBase {

    private Path umask000;

    @BeforeEach
    void launcherUnderUmask000() throws IOException {
        umask000 = home.resolve("acp4j-umask-000");
        Files.writeString(umask000, "#!/bin/sh\numask 000\nexec '" + AgentProcess.launcher() + "' \"$@\"\n");
        Files.setPosixFilePermissions(umask000, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aNewTraceFileAndItsNewDirectoriesAreOwnerOnlyUnderUmask000() throws Exception {
        Path trace = home.resolve("traces").resolve("today").resolve("trace.jsonl");
        AgentProcess agent = start(umask000, Map.of(), "--config", emptyConfig().toString(), "--trace", trace.toString());
        agent.initialize(Map.of());
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).as(agent.stderr()).isZero();
        assertThat(Files.readString(trace)).contains("\"initialize\"");
        assertThat(mode(trace)).isEqualTo("rw-------");
        assertThat(mode(trace.getParent())).isEqualTo("rwx------");
        assertThat(mode(trace.getParent().getParent())).isEqualTo("rwx------");

        Path probe = home.resolve("probe");
        AgentProcess shell = start(umask000, Map.of(), "--config", emptyConfig().toString(), "--trace", probe.toString());
        shell.closeStdin();
        assertThat(shell.waitFor(10_000)).isTrue();
        assertThat(mode(probe)).as("the umask really is 000 for the launcher, yet the file is private")
                .isEqualTo("rw-------");
    }

    @Test
    void anExistingTraceFileIsReplacedInPlaceAndOneOthersCanReadIsReported() throws Exception {
        Path trace = home.resolve("old-trace.jsonl");
        Files.writeString(trace, "an older conversation\n");
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-r--r--"));
        AgentProcess agent = start(umask000, Map.of(), "--config", emptyConfig().toString(), "--trace", trace.toString());
        agent.initialize(Map.of());
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).as(agent.stderr()).isZero();
        assertThat(Files.readString(trace)).doesNotContain("an older conversation").contains("\"initialize\"");
        assertThat(agent.stderr()).contains("trace file " + trace + " can be read by other users");
    }

    @Test
    void aSymbolicLinkPlantedAtTheTracePathIsNotWrittenThrough() throws Exception {
        Path victim = home.resolve("victim.txt");
        Files.writeString(victim, "do not overwrite");
        Path trace = Files.createSymbolicLink(home.resolve("trace.jsonl"), victim);
        Path dangling = Files.createSymbolicLink(home.resolve("dangling.jsonl"), home.resolve("created-elsewhere"));

        for (Path link : new Path[] {trace, dangling}) {
            AgentProcess agent = start(umask000, Map.of(), "--config", emptyConfig().toString(), "--trace", link.toString());
            assertThat(agent.waitFor(10_000)).isTrue();
            assertThat(agent.exitCode()).isEqualTo(2);
            assertThat(agent.stderr()).contains("trace file " + link).contains("symbolic link");
            assertThat(agent.stdoutLines()).isEmpty();
        }
        assertThat(Files.readString(victim)).isEqualTo("do not overwrite");
        assertThat(Files.exists(home.resolve("created-elsewhere"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aTraceFileThatCannotBeCreatedIsAUsageErrorNamingTheFileAndTheCause() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString(), "--trace", "/proc/nope/t");
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).isEqualTo(2);
        assertThat(agent.stderr()).contains("cannot create trace file /proc/nope/t: no such directory");
        assertThat(agent.stdoutLines()).isEmpty();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
