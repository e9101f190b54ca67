package dev.acp4j.auth.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only their owner can read: directories {@code rwx------}, files {@code rw-------},
 * set at creation (never chmod-ed afterwards) so there is no moment where they are open to
 * others. On file systems without POSIX permissions the platform default applies.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    static final String TEMP_SUFFIX = ".tmp";

    private PrivateFiles() {
    }

    /** Creates {@code directory} and any missing parents, each {@code rwx------}. */
    public static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory, attributes(directory, OWNER_ONLY_DIRECTORY));
    }

    /** Opens (creating it owner-only if needed) a file for writing, e.g. to lock it. */
    static FileChannel openForWriting(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                attributes(file, OWNER_READ_WRITE));
    }

    /**
     * Opens (creating it owner-only if needed) a file to append to: every write lands at its end,
     * even when another process appends to it too.
     */
    public static FileChannel openForAppending(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), attributes(file, OWNER_READ_WRITE));
    }

    /**
     * Replaces {@code target} with {@code content} so that a reader sees either the old file
     * or the complete new one: an owner-only temporary file in the same directory, written,
     * forced to disk, then renamed over the target.
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        createDirectories(directory);
        Path temp = Files.createTempFile(directory, target.getFileName() + ".", TEMP_SUFFIX,
                attributes(directory, OWNER_READ_WRITE));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(directory);
    }

    /**
     * Deletes temporary files of {@code target} left by a writer that died mid-write. Only safe
     * while holding the lock that all writers of {@code target} take.
     */
    static void deleteStaleTempFiles(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        String glob = globEscape(target.getFileName().toString()) + ".*" + TEMP_SUFFIX;
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory, glob)) {
            for (Path temp : stale) {
                Files.deleteIfExists(temp);
            }
        }
    }

    static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return supportsPosix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    // Makes the rename itself durable; not every platform can open a directory, which is fine.
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("Could not sync directory {}: {}", directory, e.toString());
        }
    }

    static String globEscape(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
