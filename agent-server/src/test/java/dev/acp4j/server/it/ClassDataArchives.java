package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks of the launcher's class-data archive, shared by the launcher tests of the source tree and of the release archive. */
final class ClassDataArchives {

    /** What {@code -Xlog:class+load} prints when the agent's main class comes from the archive. */
    static final String MAIN_FROM_ARCHIVE = "dev.acp4j.cli.Main source: shared objects file (top)";
    /** What {@code -Xlog:class+load} prints when the agent's main class comes from an AOT cache (JDK 25 or newer). */
    static final String MAIN_FROM_AOT_CACHE = "dev.acp4j.cli.Main source: shared objects file";
    static final Map<String, String> LOG_CLASS_LOADING = Map.of("ACP4J_JAVA_OPTS", "-Xlog:class+load=info:stderr");
    private static final long RECORDING_TIMEOUT_MILLIS = 300_000;

    private ClassDataArchives() {
    }

    /** Waits until the background recording has moved an archive newer than {@code jar} in place and released its lock. */
    static void awaitRecordedAfter(Path archive, Path jar) throws Exception {
        long deadline = System.currentTimeMillis() + RECORDING_TIMEOUT_MILLIS;
        Path lock = archive.resolveSibling(archive.getFileName() + ".lock");
        while (!(Files.exists(archive) && !Files.exists(lock)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0)) {
            assertThat(System.currentTimeMillis()).as("archive %s recorded in the background", archive).isLessThan(deadline);
            Thread.sleep(200);
        }
        try (Stream<Path> files = Files.list(archive.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .as("no temporary archive left behind").noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /** The agent's jar in a source-tree installation. */
    static Path jarOf(Path installation) {
        return installation.resolve("agent-server/target/acp4j.jar");
    }

    /** bin/acp4j, the jar and its lib/ copied to {@code home}/installation, without any archive. */
    static Path copyOfInstallation(Path home) throws IOException {
        Path source = AgentProcess.launcher().getParent().getParent();
        Path copy = Files.createDirectories(home.resolve("installation"));
        Files.createDirectories(copy.resolve("bin"));
        Files.copy(source.resolve("bin/acp4j"), copy.resolve("bin/acp4j"), StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = source.resolve("agent-server/target/acp4j.jar");
        Path lib = Files.createDirectories(copy.resolve("agent-server/target/lib"));
        Files.copy(jar, copy.resolve("agent-server/target/acp4j.jar"));
        try (Stream<Path> jars = Files.list(jar.resolveSibling("lib"))) {
            for (Path dependency : jars.toList()) {
                Files.copy(dependency, lib.resolve(dependency.getFileName()));
            }
        }
        return copy;
    }

    /** The one archive recorded in {@code directory} (the per-user cache), once it is there. */
    static Path awaitOnlyArchiveIn(Path directory, Path jar) throws Exception {
        long deadline = System.currentTimeMillis() + RECORDING_TIMEOUT_MILLIS;
        while (true) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    var archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
                    if (archives.size() == 1) {
                        awaitRecordedAfter(archives.get(0), jar);
                        return archives.get(0);
                    }
                    assertThat(archives).as("archives in %s", directory).hasSizeLessThan(2);
                }
            }
            assertThat(System.currentTimeMillis()).as("archive recorded in %s", directory).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** A JDK 25 or newer: {@code ACP4J_TEST_JDK25}, else the first under {@code /usr/lib/jvm}, by its {@code release} file. */
    static Optional<Path> jdk25() {
        String configured = System.getenv("ACP4J_TEST_JDK25");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(home -> featureRelease(home) >= 25);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureRelease(home) >= 25).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the launcher, started with this process's environment, runs a JDK 25 or newer
     * ({@code JAVA_HOME}, else the {@code java} on the PATH) and so uses an AOT cache instead of
     * the class-data archive.
     */
    static boolean launcherUsesAotCache() {
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank() && Files.isExecutable(Path.of(javaHome, "bin/java"))) {
            return featureRelease(Path.of(javaHome)) >= 25;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path java = Path.of(directory.isEmpty() ? "." : directory, "java");
            if (Files.isExecutable(java)) {
                try {
                    return featureRelease(java.toRealPath().getParent().getParent()) >= 25;
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Skips a class-data archive test when the launcher's JDK uses an AOT cache instead (AotCacheLauncherIT covers that). */
    static void assumeClassDataArchive() {
        if (launcherUsesAotCache()) {
            System.err.println("WARNING: class-data archive test skipped: the launcher's JDK is 25 or newer, so it uses an AOT cache (AotCacheLauncherIT)");
        }
        org.assertj.core.api.Assumptions.assumeThat(launcherUsesAotCache())
                .as("the launcher's JDK (JAVA_HOME, else java on the PATH) is older than 25").isFalse();
    }

    private static int featureRelease(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    version = version.startsWith("1.") ? version.substring(2) : version;
                    return Integer.parseInt(version.split("[^0-9]", 2)[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
