package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive through the launcher: the build's archive is used, and a missing,
 * stale or damaged one (tried on a copy of the installation) never writes to stdout, never fails
 * the launch, and is recorded again in the background.
 */
class ClassDataArchiveLauncherIT extends LauncherTestBase {

    @BeforeAll
    static void onAJdkWithClassDataArchives() {
        ClassDataArchives.assumeClassDataArchive();
    }

    private static final String MAIN_FROM_ARCHIVE = ClassDataArchives.MAIN_FROM_ARCHIVE;
    private static final Map<String, String> LOG_CLASS_LOADING = ClassDataArchives.LOG_CLASS_LOADING;

    @Test
    void theBuildsArchiveIsUsed() throws Exception {
        assertThat(launch(AgentProcess.launcher(), LOG_CLASS_LOADING).stderr()).contains(MAIN_FROM_ARCHIVE);
    }

    @Test
    void aMissingArchiveIsRecordedInTheBackgroundAndUsedNextTime() throws Exception {
        Path installation = copyOfInstallation();
        Path archive = archiveOf(installation);
        assertThat(archive).doesNotExist();

        assertThat(launch(launcherOf(installation), LOG_CLASS_LOADING).stderr()).doesNotContain(MAIN_FROM_ARCHIVE);

        awaitRecordedAfter(archive, jarOf(installation));
        assertThat(launch(launcherOf(installation), LOG_CLASS_LOADING).stderr()).contains(MAIN_FROM_ARCHIVE);
        assertThat(home.resolve(".local/share/acp4j")).as("the training's sessions stay out of the user's store")
                .doesNotExist();
        assertThat(home.resolve(".config/acp4j")).as("the training's credentials stay out of the user's store")
                .doesNotExist();
    }

    @Test
    void aStaleArchiveIsNotUsedAndIsRecordedAgain() throws Exception {
        Path installation = copyOfInstallation();
        Path archive = archiveOf(installation);
        Files.copy(archiveOf(AgentProcess.launcher().getParent().getParent()), archive);
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));

        assertThat(launch(launcherOf(installation), LOG_CLASS_LOADING).stderr()).doesNotContain(MAIN_FROM_ARCHIVE);

        awaitRecordedAfter(archive, jarOf(installation));
    }

    @Test
    void aDamagedArchiveNeitherFailsTheLaunchNorWritesToStdout() throws Exception {
        Path installation = copyOfInstallation();
        Path archive = archiveOf(installation);
        Files.write(archive, new byte[64 * 1024]);
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

        launch(launcherOf(installation), Map.of());
    }

    @Test
    void anUnwritableInstallationRecordsItsArchiveInTheUsersCache() throws Exception {
        Path installation = copyOfInstallation();
        Path target = jarOf(installation).getParent();
        assumeThat(target.toFile().setWritable(false, false) && !Files.isWritable(target))
                .as("directory permissions are enforced for this user (ReleaseArchiveIT covers root)").isTrue();
        try {
            Map<String, String> cacheHome = Map.of("XDG_CACHE_HOME", home.resolve("cache").toString());
            launch(launcherOf(installation), cacheHome);

            ClassDataArchives.awaitOnlyArchiveIn(home.resolve("cache/acp4j"), jarOf(installation));
            assertThat(archiveOf(installation)).doesNotExist();
            assertThat(launch(launcherOf(installation), Map.of("XDG_CACHE_HOME", cacheHome.get("XDG_CACHE_HOME"),
                    "ACP4J_JAVA_OPTS", "-Xlog:class+load=info:stderr")).stderr()).contains(MAIN_FROM_ARCHIVE);
        } finally {
            target.toFile().setWritable(true, true);
        }
    }

    private AgentProcess launch(Path launcher, Map<String, String> env) throws Exception {
        return launchAnsweringInitialize(launcher, env);
    }

    private Path copyOfInstallation() throws IOException {
        return ClassDataArchives.copyOfInstallation(home);
    }

    private static void awaitRecordedAfter(Path archive, Path jar) throws Exception {
        ClassDataArchives.awaitRecordedAfter(archive, jar);
    }

    private static Path launcherOf(Path installation) {
        return installation.resolve("bin/acp4j");
    }

    private static Path jarOf(Path installation) {
        return ClassDataArchives.jarOf(installation);
    }

    private static Path archiveOf(Path installation) {
        return installation.resolve("agent-server/target/acp4j.jsa");
    }
}
