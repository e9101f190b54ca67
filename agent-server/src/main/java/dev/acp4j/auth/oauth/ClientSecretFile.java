package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.auth.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A confidential client's secret, read from the file {@code clientSecretFile} names (a secret never
 * stands in the configuration itself). The file must be readable by its owner only; the secret is
 * its content without surrounding whitespace. Messages name the file, never its content.
 */
public final class ClientSecretFile {

    private ClientSecretFile() {
    }

    /**
     * Why {@code file} cannot serve as a client secret file, or null when it can.
     *
     * @param file the configured path
     * @return e.g. {@code clientSecretFile /x/secret is readable by others (mode 644); run chmod 600 /x/secret}
     */
    public static String problem(Path file) {
        try {
            read(file);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The secret.
     *
     * @param file the secret file
     * @return the secret, trimmed
     * @throws IllegalArgumentException naming the file when it is missing, empty, or open to others
     */
    public static Secret read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                    throw new IllegalArgumentException("clientSecretFile " + file + " is readable by others than you (mode "
                            + mode(permissions) + "); make it private: chmod 600 " + file);
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("clientSecretFile " + file + " is empty");
            }
            return new Secret(secret);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("clientSecretFile " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("clientSecretFile " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code 644} for rw-r--r--. */
    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%03o", mode);
    }
}
