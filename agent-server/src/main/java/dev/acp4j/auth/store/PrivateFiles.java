package dev.acp4j.auth.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * The one place acp4j creates files that can hold user content or credentials (the credential
 * store, the trace file, the session store): directories {@code rwx------}, files
 * {@code rw-------}, set at creation (never chmod-ed afterwards, so there is no moment where
 * they are open to others, whatever the umask), and a symbolic link found at a file's path is
 * never followed. On file systems without POSIX permissions the platform default applies.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    static final String TEMP_SUFFIX = ".tmp";

    private PrivateFiles() {
    }

    /** What {@link #open} does with a file that already exists. */
    public enum Existing {
        /** Writes go after its content. */
        APPEND,
        /** Its content is discarded. */
        TRUNCATE
    }

    /**
     * Creates {@code directory} and its missing parents, each new one owner-only.
     *
     * @param directory the directory
     * @throws IOException when a directory cannot be created
     */
    public static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory, attributes(directory, OWNER_ONLY_DIRECTORY));
    }

    /** Opens (creating it owner-only if needed, never through a symbolic link) a file for writing, e.g. to lock it. */
    static FileChannel openForWriting(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), attributes(file, OWNER_READ_WRITE));
    }

    /**
     * Opens {@code file} for writing: created owner-only (its missing directories too) when it
     * does not exist, otherwise opened as it is, appended to or truncated. A symbolic link at
     * {@code file} is refused in both cases, even one planted between the two attempts.
     *
     * @param file the file
     * @param existing what happens to the content of an existing file
     * @return the open channel
     * @throws SymbolicLinkException when {@code file} is a symbolic link
     */
    public static FileChannel open(Path file, Existing existing) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (existing == Existing.APPEND) {
                // O_APPEND from creation: another process appending to the file meanwhile is never overwritten
                return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND), attributes(file, OWNER_READ_WRITE));
            }
            return createNew(file);
        } catch (FileAlreadyExistsException e) {
            return openExisting(file, existing);
        }
    }

    /**
     * Creates {@code file}, owner-only, and opens it for writing; fails if anything, a symbolic
     * link included, is already at that path ({@code O_CREAT|O_EXCL}, which never follows a link).
     *
     * @param file the file
     * @return the open channel
     * @throws IOException when the file exists or cannot be created
     */
    public static FileChannel createNew(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attributes(file, OWNER_READ_WRITE));
    }

    /**
     * Opens an existing {@code file} for writing without following a symbolic link
     * ({@code O_NOFOLLOW}); its permissions are left as they are.
     *
     * @param file the file
     * @param existing what happens to its content
     * @return the open channel
     * @throws SymbolicLinkException when {@code file} is a symbolic link
     */
    public static FileChannel openExisting(Path file, Existing existing) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new SymbolicLinkException(file);
        }
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS,
                    existing == Existing.APPEND ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw new SymbolicLinkException(file);
            }
            throw e;
        }
    }

    /**
     * True when others than the owner may read or write {@code file} (false without POSIX permissions).
     *
     * @param file the file
     * @return whether group or others have any permission
     * @throws IOException when the permissions cannot be read
     */
    public static boolean isOpenToOthers(Path file) throws IOException {
        if (!supportsPosix(file)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        return permissions.stream().anyMatch(p -> !OWNER_ONLY_DIRECTORY.contains(p));
    }

    /** A symbolic link where acp4j would write a private file: it is not followed. */
    public static final class SymbolicLinkException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        SymbolicLinkException(Path file) {
            super(file.toString(), null, "it is a symbolic link, which acp4j does not follow for a private file");
        }
    }

    /**
     * Replaces {@code target} with {@code content} so that a reader sees either the old file
     * or the complete new one: an owner-only temporary file in the same directory, written,
     * forced to disk, then renamed over the target.
     *
     * @param target the file to replace
     * @param content its new content
     * @throws IOException when the file cannot be written or renamed
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

    /**
     * Whether the file system of {@code path} has POSIX permissions (owner-only modes are then enforced).
     *
     * @param path any path on the file system
     * @return true for POSIX file systems
     */
    public static boolean supportsPosix(Path path) {
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
