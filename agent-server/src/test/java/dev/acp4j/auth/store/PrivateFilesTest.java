package dev.acp4j.auth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(PrivateFiles.supportsPosix(dir), "POSIX permissions are not supported here");
    }

    @Test
    void aNewFileAndItsNewDirectoriesAreOwnerOnly() throws IOException {
        Path file = dir.resolve("a").resolve("b").resolve("trace.jsonl");
        try (FileChannel channel = PrivateFiles.open(file, PrivateFiles.Existing.TRUNCATE)) {
            write(channel, "one\n");
        }
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(file.getParent().getParent())).isEqualTo("rwx------");
        assertThat(PrivateFiles.isOpenToOthers(file)).isFalse();
    }

    @Test
    void theWriterThatCreatedAFileForAppendingNeverOverwritesAnotherAppender() throws IOException {
        Path file = dir.resolve("conversation.jsonl");
        try (FileChannel creator = PrivateFiles.open(file, PrivateFiles.Existing.APPEND)) {
            write(creator, "a1\n");
            try (FileChannel other = PrivateFiles.open(file, PrivateFiles.Existing.APPEND)) {
                write(other, "b1\n");
                write(creator, "a2\n");
                write(other, "b2\n");
            }
        }
        assertThat(Files.readString(file)).isEqualTo("a1\nb1\na2\nb2\n");
    }

    @Test
    void anExistingFileIsAppendedToOrTruncatedAndKeepsItsMode() throws IOException {
        Path file = dir.resolve("log");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        try (FileChannel channel = PrivateFiles.open(file, PrivateFiles.Existing.APPEND)) {
            write(channel, "new\n");
        }
        assertThat(Files.readString(file)).isEqualTo("old\nnew\n");
        try (FileChannel channel = PrivateFiles.open(file, PrivateFiles.Existing.TRUNCATE)) {
            write(channel, "only\n");
        }
        assertThat(Files.readString(file)).isEqualTo("only\n");
        assertThat(mode(file)).isEqualTo("rw-r-----");
        assertThat(PrivateFiles.isOpenToOthers(file)).isTrue();
    }

    @Test
    void aSymbolicLinkIsNeverWrittenThrough() throws IOException {
        Path target = dir.resolve("target");
        Files.writeString(target, "untouched");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));

        for (PrivateFiles.Existing existing : PrivateFiles.Existing.values()) {
            assertThatExceptionOfType(PrivateFiles.SymbolicLinkException.class)
                    .isThrownBy(() -> PrivateFiles.open(link, existing))
                    .withMessageContaining("symbolic link");
            assertThatExceptionOfType(PrivateFiles.SymbolicLinkException.class)
                    .isThrownBy(() -> PrivateFiles.open(dangling, existing));
        }
        assertThat(Files.readString(target)).isEqualTo("untouched");
        assertThat(Files.exists(dir.resolve("nowhere"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void createNewRefusesAnythingAlreadyThere() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("nowhere"));
        assertThatExceptionOfType(java.nio.file.FileAlreadyExistsException.class)
                .isThrownBy(() -> PrivateFiles.createNew(link));
        assertThat(Files.exists(dir.resolve("nowhere"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    private static void write(FileChannel channel, String text) throws IOException {
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
