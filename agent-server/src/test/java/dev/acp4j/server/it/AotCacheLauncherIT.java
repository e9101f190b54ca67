package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher on a JDK 25 or newer uses an AOT cache ({@code acp4j.aot}) instead of the class-data
 * archive, under the same rules: a missing or stale cache is recorded in the background and used
 * next time, and a damaged or refused one never writes to stdout nor fails the launch. Runs on a
 * copy of the installation with {@code JAVA_HOME} set to that JDK, found from
 * {@code ACP4J_TEST_JDK25} or under {@code /usr/lib/jvm}; skipped, saying so, when there is none.
 */
class AotCacheLauncherIT extends LauncherTestBase {

    private static final String MAIN_FROM_CACHE = ClassDataArchives.MAIN_FROM_AOT_CACHE;
    private static Path jdk;

    @BeforeAll
    static void findJdk25() {
        jdk = ClassDataArchives.jdk25().orElse(null);
        if (jdk == null) {
            System.err.println("WARNING: AotCacheLauncherIT skipped: no JDK 25 or newer (set ACP4J_TEST_JDK25 or install one under /usr/lib/jvm)");
        }
        assumeThat(jdk).as("a JDK 25 or newer (ACP4J_TEST_JDK25 or /usr/lib/jvm)").isNotNull();
    }

    @Test
    void aMissingCacheIsRecordedInTheBackgroundAndUsedNextTime() throws Exception {
        Path installation = ClassDataArchives.copyOfInstallation(home);
        Path cache = cacheOf(installation);

        assertThat(launch(installation, logClassLoading()).stderr()).doesNotContain(MAIN_FROM_CACHE);

        ClassDataArchives.awaitRecordedAfter(cache, jarOf(installation));
        assertThat(archiveOf(installation)).as("no class-data archive on a JDK 25").doesNotExist();
        assertThat(launch(installation, logClassLoading()).stderr()).contains(MAIN_FROM_CACHE);
    }

    @Test
    void aStaleCacheIsNotUsedAndIsRecordedAgain() throws Exception {
        Path installation = ClassDataArchives.copyOfInstallation(home);
        Path cache = cacheOf(installation);
        launch(installation, Map.of());
        ClassDataArchives.awaitRecordedAfter(cache, jarOf(installation));
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(3600)));

        assertThat(launch(installation, logClassLoading()).stderr()).doesNotContain(MAIN_FROM_CACHE);

        ClassDataArchives.awaitRecordedAfter(cache, jarOf(installation));
        assertThat(launch(installation, logClassLoading()).stderr()).contains(MAIN_FROM_CACHE);
    }

    @Test
    void aDamagedCacheNeitherFailsTheLaunchNorWritesToStdout() throws Exception {
        Path installation = ClassDataArchives.copyOfInstallation(home);
        Path cache = cacheOf(installation);
        Files.write(cache, new byte[64 * 1024]);
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(launch(installation, Map.of()).stderr()).contains("AOT cache");
    }

    @Test
    void anXshareOptionOfTheUserLeavesTheCacheOutInsteadOfFailingTheLaunch() throws Exception {
        Path installation = ClassDataArchives.copyOfInstallation(home);
        launch(installation, Map.of());
        ClassDataArchives.awaitRecordedAfter(cacheOf(installation), jarOf(installation));

        launch(installation, Map.of("ACP4J_JAVA_OPTS", "-Xshare:off"));
    }

    /** Launches the installation's bin/acp4j on the JDK 25. */
    private AgentProcess launch(Path installation, Map<String, String> env) throws Exception {
        Map<String, String> withJdk = new HashMap<>(env);
        withJdk.put("JAVA_HOME", jdk.toString());
        return launchAnsweringInitialize(installation.resolve("bin/acp4j"), withJdk);
    }

    private static Map<String, String> logClassLoading() {
        return ClassDataArchives.LOG_CLASS_LOADING;
    }

    private static Path jarOf(Path installation) {
        return ClassDataArchives.jarOf(installation);
    }

    private static Path cacheOf(Path installation) {
        return ClassDataArchives.jarOf(installation).resolveSibling("acp4j.aot");
    }

    private static Path archiveOf(Path installation) {
        return ClassDataArchives.jarOf(installation).resolveSibling("acp4j.jsa");
    }
}
