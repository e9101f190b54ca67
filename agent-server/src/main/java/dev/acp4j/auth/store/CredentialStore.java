package dev.acp4j.auth.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's credentials, one JSON file per user, shared by every agent process of that user.
 *
 * <p>Every change is a read-modify-write under a lock on the sibling file
 * {@code credentials.json.lock} (so two processes never lose each other's changes) and an
 * in-process lock (a JVM may hold a file lock only once). The file is replaced atomically and
 * is owner-only from creation. Reads take no lock and always read the file afresh.
 *
 * <p>An unreadable or damaged file is reported on the log (path and reason, never content)
 * and its unreadable part is treated as absent; before it is next rewritten it is kept as
 * {@code credentials.json.corrupt-<epochMillis>}.
 *
 * <p>Failures to read or write the file's directory are thrown as {@link UncheckedIOException};
 * no message ever includes a secret.
 */
public final class CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialStore.class);

    static final String FILE_NAME = "credentials.json";
    static final String API_KEY_SUFFIX = "#api_key";
    static final String LOCK_SUFFIX = ".lock";
    static final String CORRUPT_SUFFIX = ".corrupt-";
    private static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final Clock clock;

    /**
     * A store at {@code file}, which need not exist yet.
     *
     * @param file the credential file
     */
    public CredentialStore(Path file) {
        this(file, Clock.systemUTC());
    }

    CredentialStore(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + LOCK_SUFFIX);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return the store at {@link #defaultPath(Map)} for this process's environment} */
    public static CredentialStore forCurrentUser() {
        return new CredentialStore(defaultPath(System.getenv()));
    }

    /**
     * The built-in agent's file: {@code defaultPath(env, "acp4j")}.
     *
     * @param env the environment ({@code XDG_CONFIG_HOME}, {@code HOME})
     * @return the file
     */
    public static Path defaultPath(Map<String, String> env) {
        return defaultPath(env, "acp4j");
    }

    /**
     * {@code $XDG_CONFIG_HOME/<agent>/credentials.json}, or {@code $HOME/.config/<agent>/credentials.json}
     * when {@code XDG_CONFIG_HOME} is unset, empty or relative (the XDG base directory rules).
     *
     * @param env the environment ({@code XDG_CONFIG_HOME}, {@code HOME})
     * @param agent the agent's name ({@code agentInfo.name})
     * @return the file
     */
    public static Path defaultPath(Map<String, String> env, String agent) {
        String configHome = env.get("XDG_CONFIG_HOME");
        Path base;
        if (configHome != null && !configHome.isBlank() && Path.of(configHome).isAbsolute()) {
            base = Path.of(configHome);
        } else {
            String home = env.get("HOME");
            if (home == null || home.isBlank()) {
                home = System.getProperty("user.home");
            }
            base = Path.of(home, ".config");
        }
        return base.resolve(agent).resolve(FILE_NAME);
    }

    /** {@return the credential file (absolute)} */
    public Path path() {
        return file;
    }

    /**
     * The key under which {@code provider}'s credential of {@code kind} is stored: an OAuth
     * credential under the provider id itself, an API key beside it under
     * {@code <provider>#api_key}, so that storing one never drops the other. (Files written
     * before that keep an API key under the bare provider id; {@link #get(String, CredentialKind)}
     * reads it there and {@link #put(StoredCredential)} moves it.)
     *
     * @param provider the provider id (or MCP key)
     * @param kind the kind of credential
     * @return the key
     */
    public static String key(String provider, CredentialKind kind) {
        Objects.requireNonNull(provider, "provider");
        return kind == CredentialKind.API_KEY ? provider + API_KEY_SUFFIX : provider;
    }

    /**
     * The provider (or MCP key) a stored {@code key} belongs to: {@link #key} undone.
     *
     * @param key a key in the file
     * @return the provider
     */
    public static String provider(String key) {
        return key.endsWith(API_KEY_SUFFIX) ? key.substring(0, key.length() - API_KEY_SUFFIX.length()) : key;
    }

    /**
     * {@code provider}'s stored credential of {@code kind}, if any.
     *
     * @param provider the provider id (or MCP key)
     * @param kind the kind of credential
     * @return the credential
     */
    public Optional<StoredCredential> get(String provider, CredentialKind kind) {
        return slot(read().decoded().credentials(), provider, kind);
    }

    /**
     * {@code provider}'s credential of {@code kind} among {@code credentials}, the result of {@link #all()}.
     *
     * @param credentials credentials by key
     * @param provider the provider id (or MCP key)
     * @param kind the kind of credential
     * @return the credential
     */
    public static Optional<StoredCredential> slot(Map<String, StoredCredential> credentials, String provider,
                                                  CredentialKind kind) {
        StoredCredential bare = credentials.get(provider);
        if (kind == CredentialKind.API_KEY && credentials.containsKey(key(provider, kind))) {
            return Optional.of(credentials.get(key(provider, kind)));
        }
        return Optional.ofNullable(bare).filter(credential -> credential.kind() == kind);
    }

    /**
     * Stores {@code credential} in its provider's slot for its kind; the provider's credential
     * of the other kind stays.
     *
     * @param credential the credential to store
     */
    public void put(StoredCredential credential) {
        Objects.requireNonNull(credential, "credential");
        String provider = credential.provider();
        update(credentials -> {
            StoredCredential bare = credentials.get(provider);
            if (bare != null && bare.kind() == CredentialKind.API_KEY) {
                credentials.remove(provider);
                credentials.putIfAbsent(key(provider, CredentialKind.API_KEY), bare);
            }
            credentials.put(key(provider, credential.kind()), credential);
            return null;
        });
    }

    /**
     * The credential stored under {@code key}, if any.
     *
     * @param key the key, see {@link #key}
     * @return the credential
     */
    public Optional<StoredCredential> get(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(read().decoded().credentials().get(key));
    }

    /** {@return a snapshot of every readable credential, sorted by key} */
    public Map<String, StoredCredential> all() {
        return Collections.unmodifiableMap(new TreeMap<>(read().decoded().credentials()));
    }

    /**
     * Stores {@code credential} under {@code key}, replacing what was there.
     *
     * @param key the key, see {@link #key}
     * @param credential the credential to store
     */
    public void put(String key, StoredCredential credential) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(credential, "credential");
        update(credentials -> credentials.put(key, credential));
    }

    /**
     * Removes the credential stored under {@code key}.
     *
     * @param key the key, see {@link #key}
     * @return whether a credential was stored under {@code key}
     */
    public boolean remove(String key) {
        Objects.requireNonNull(key, "key");
        return update(credentials -> credentials.remove(key) != null);
    }

    /**
     * Forgets everything: the file is rewritten without credentials, and the copies kept of
     * damaged files are deleted too (an explicit erase loses nothing silently).
     */
    public void clear() {
        withLock(() -> {
            PrivateFiles.deleteStaleTempFiles(file);
            PrivateFiles.writeAtomically(file, CredentialFileFormat.encode(Map.of()));
            deleteCorruptCopies();
            LOG.debug("Cleared credential store {}", file);
            return null;
        });
    }

    /**
     * Atomically applies {@code change} to the current credentials: it gets a mutable copy,
     * and whatever it leaves there is written back (only if it differs). It runs under the
     * store's locks, so it must be quick and must not call back into this store.
     *
     * @param <T> what {@code change} returns
     * @param change reads and edits the credentials, by key
     * @return what {@code change} returned
     */
    public <T> T update(Function<Map<String, StoredCredential>, T> change) {
        Objects.requireNonNull(change, "change");
        return withLock(() -> {
            Snapshot current = read();
            Map<String, StoredCredential> credentials = new TreeMap<>(current.decoded().credentials());
            T result = change.apply(credentials);
            credentials.forEach((key, credential) ->
                    Objects.requireNonNull(credential, "a credential was set to null"));
            if (!credentials.equals(current.decoded().credentials())) {
                PrivateFiles.deleteStaleTempFiles(file);
                if (current.damaged()) {
                    keepCorruptCopy(current);
                }
                PrivateFiles.writeAtomically(file, CredentialFileFormat.encode(credentials));
                LOG.debug("Wrote credential store {} ({} credentials)", file, credentials.size());
            }
            return result;
        });
    }

    private <T> T withLock(IoAction<T> action) {
        ReentrantLock inProcess = IN_PROCESS_LOCKS.computeIfAbsent(file, path -> new ReentrantLock());
        if (inProcess.isHeldByCurrentThread()) {
            throw new IllegalStateException("The credential store was used from inside its own update");
        }
        inProcess.lock();
        try {
            PrivateFiles.createDirectories(file.getParent());
            try (FileChannel channel = PrivateFiles.openForWriting(lockFile)) {
                channel.lock(); // released when the channel closes
                return action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not update the credential store " + file + ": " + e, e);
        } finally {
            inProcess.unlock();
        }
    }

    private Snapshot read() {
        byte[] content;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return damaged(null, "it is larger than " + MAX_FILE_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            return new Snapshot(null, new CredentialFileFormat.Decoded(Map.of(), List.of()));
        } catch (IOException e) {
            return damaged(null, "it cannot be read (" + e + ")");
        }
        if (content.length > MAX_FILE_BYTES) {
            return damaged(null, "it is larger than " + MAX_FILE_BYTES + " bytes");
        }
        CredentialFileFormat.Decoded decoded = CredentialFileFormat.decode(content);
        Snapshot snapshot = new Snapshot(content, decoded);
        if (snapshot.damaged()) {
            LOG.warn("Credential store {} is damaged: {}. Ignoring what cannot be read; the file will be "
                            + "kept as {}{}<time> before it is next rewritten",
                    file, String.join("; ", decoded.problems()), file.getFileName(), CORRUPT_SUFFIX);
        }
        return snapshot;
    }

    private Snapshot damaged(byte[] content, String reason) {
        LOG.warn("Credential store {} is unreadable: {}. Treating it as empty; it will be kept as {}{}<time> "
                + "before it is next rewritten", file, reason, file.getFileName(), CORRUPT_SUFFIX);
        return new Snapshot(content, CredentialFileFormat.Decoded.unreadable(reason));
    }

    private void keepCorruptCopy(Snapshot damaged) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long millis = clock.millis();
        while (true) {
            Path copy = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX + millis);
            try {
                if (damaged.content() != null) {
                    if (Files.exists(copy)) {
                        throw new FileAlreadyExistsException(copy.toString());
                    }
                    PrivateFiles.writeAtomically(copy, damaged.content());
                } else {
                    // Its bytes could not be read, so move it aside as it is.
                    Files.move(file, copy, StandardCopyOption.ATOMIC_MOVE);
                    if (PrivateFiles.supportsPosix(copy)) {
                        Files.setPosixFilePermissions(copy, PrivateFiles.OWNER_READ_WRITE);
                    }
                }
                LOG.warn("Kept the damaged credential store as {}", copy);
                return;
            } catch (FileAlreadyExistsException e) {
                millis++;
            }
        }
    }

    private void deleteCorruptCopies() throws IOException {
        String glob = PrivateFiles.globEscape(file.getFileName() + CORRUPT_SUFFIX) + "*";
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(file.getParent(), glob)) {
            for (Path copy : copies) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** The file as last read: its bytes ({@code null} if absent or unreadable) and meaning. */
    private record Snapshot(byte[] content, CredentialFileFormat.Decoded decoded) {
        boolean damaged() {
            return !decoded.problems().isEmpty();
        }
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }
}
