package dev.acp4j.server.it;

import static dev.acp4j.server.it.ClassDataArchives.LOG_CLASS_LOADING;
import static dev.acp4j.server.it.ClassDataArchives.MAIN_FROM_ARCHIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The release archive as a user gets it: {@code acp4j-VERSION.tar.gz} unpacked into a fresh
 * directory with a fresh HOME answers {@code initialize} through its {@code bin/acp4j}, records its
 * class-data archive on the first launch (beside the jars, or in the user's cache when the
 * jars' directory is read-only) and starts from it on the second; stdout holds JSON-RPC only.
 */
class ReleaseArchiveIT extends LauncherTestBase {

    /** The user the read-only case runs as when the tests run as root (root writes anywhere). */
    private static final String NOBODY = "65534";

    @Test
    void unpackedAnywhereItAnswersAndTheSecondLaunchUsesTheArchiveRecordedBesideTheJars() throws Exception {
        ClassDataArchives.assumeClassDataArchive();
        Path installation = unpack(home.resolve("unpacked"));
        Path lib = installation.resolve("lib");
        assertThat(lib.resolve("launcher.conf")).content().contains("main_class=dev.acp4j.cli.Main");

        assertThat(launch(launcherOf(installation), LOG_CLASS_LOADING).stderr()).doesNotContain(MAIN_FROM_ARCHIVE);

        ClassDataArchives.awaitRecordedAfter(lib.resolve("acp4j.jsa"), agentJar(lib));
        assertThat(launch(launcherOf(installation), LOG_CLASS_LOADING).stderr()).contains(MAIN_FROM_ARCHIVE);
    }

    @Test
    void onAJdk25TheSecondLaunchUsesTheAotCacheRecordedBesideTheJars() throws Exception {
        Path jdk = ClassDataArchives.jdk25().orElse(null);
        if (jdk == null) {
            System.err.println("WARNING: ReleaseArchiveIT AOT cache case skipped: no JDK 25 or newer (ACP4J_TEST_JDK25 or /usr/lib/jvm)");
        }
        assumeThat(jdk).as("a JDK 25 or newer (ACP4J_TEST_JDK25 or /usr/lib/jvm)").isNotNull();
        Path installation = unpack(home.resolve("unpacked-jdk25"));
        Path lib = installation.resolve("lib");
        Map<String, String> env = new HashMap<>(LOG_CLASS_LOADING);
        env.put("JAVA_HOME", jdk.toString());

        assertThat(launch(launcherOf(installation), env).stderr()).doesNotContain(ClassDataArchives.MAIN_FROM_AOT_CACHE);

        ClassDataArchives.awaitRecordedAfter(lib.resolve("acp4j.aot"), agentJar(lib));
        assertThat(launch(launcherOf(installation), env).stderr()).contains(ClassDataArchives.MAIN_FROM_AOT_CACHE);
        assertThat(lib.resolve("acp4j.jsa")).doesNotExist();
    }

    @Test
    void aReadOnlyLibDirectoryGetsItsArchiveInTheUsersCacheDirectory() throws Exception {
        ClassDataArchives.assumeClassDataArchive();
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeThat(!root || Files.isExecutable(Path.of("/usr/bin/setpriv")))
                .as("as root, the launch runs as another user through setpriv").isTrue();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path user = Files.createDirectories(home.resolve("user"));
        Path installation = unpack(home.resolve("read-only"));
        Path lib = installation.resolve("lib");
        run(List.of("chmod", "-R", "a+rX,a-w", installation.toString()));
        Path launcher = launcherOf(installation);
        if (root) {
            run(List.of("chown", NOBODY + ":" + NOBODY, user.toString()));
            launcher = asNobody(launcher);
        }
        try {
            Map<String, String> env = new HashMap<>(Map.of("HOME", user.toString(), "XDG_CACHE_HOME", ""));
            launch(launcher, env);

            Path cached = ClassDataArchives.awaitOnlyArchiveIn(user.resolve(".cache/acp4j"), agentJar(lib));
            assertThat(lib.resolve("acp4j.jsa")).doesNotExist();
            env.putAll(LOG_CLASS_LOADING);
            assertThat(launch(launcher, env).stderr()).contains(MAIN_FROM_ARCHIVE);
            assertThat(cached).exists();
        } finally {
            run(List.of("chmod", "-R", "u+w", installation.toString()));
            if (root) {
                run(List.of("chown", "-R", "root:root", user.toString()));
            }
        }
    }

    @Test
    void theZipHoldsTheSameInstallationWithTheWindowsLauncher() throws Exception {
        Path zip = Path.of(System.getProperty("acp4j.releaseZip"));
        List<String> entries;
        try (var file = new java.util.zip.ZipFile(zip.toFile())) {
            entries = file.stream().map(java.util.zip.ZipEntry::getName).toList();
            String cmd = new String(file.getInputStream(file.getEntry(base() + "/bin/acp4j.cmd")).readAllBytes());
            assertThat(cmd).contains("-Xlog:disable -Xlog:all=warning:stderr", "-Dacp4j.launcher=", "\r\n");
        }
        assertThat(entries).contains(base() + "/bin/acp4j", base() + "/lib/launcher.conf", base() + "/LICENSE",
                base() + "/README.md");
        assertThat(entries).anyMatch(e -> e.matches(base() + "/lib/acp4j-agent-server-.*\\.jar"));
    }

    private AgentProcess launch(Path launcher, Map<String, String> env) throws Exception {
        return launchAnsweringInitialize(launcher, env);
    }

    private Path unpack(Path directory) throws Exception {
        Files.createDirectories(directory);
        run(List.of("tar", "-xzf", System.getProperty("acp4j.releaseArchive"), "-C", directory.toString()));
        Path installation = directory.resolve(base());
        assertThat(installation.resolve("bin/acp4j")).isExecutable();
        return installation;
    }

    /** A wrapper that runs the launcher as nobody, with this process's environment. */
    private Path asNobody(Path launcher) throws IOException {
        Path wrapper = home.resolve("as-nobody");
        Files.writeString(wrapper, "#!/bin/sh\nexec /usr/bin/setpriv --reuid=" + NOBODY + " --regid=" + NOBODY
                + " --clear-groups -- '" + launcher + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(emptyConfig(), PosixFilePermissions.fromString("rw-r--r--"));
        return wrapper;
    }

    private static String base() {
        String archive = Path.of(System.getProperty("acp4j.releaseArchive")).getFileName().toString();
        return archive.substring(0, archive.length() - ".tar.gz".length());
    }

    private static Path launcherOf(Path installation) {
        return installation.resolve("bin").resolve(System.getProperty("acp4j.agentName", "acp4j"));
    }

    private static Path agentJar(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("acp4j-agent-server-")).findFirst().orElseThrow();
        }
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }
}
