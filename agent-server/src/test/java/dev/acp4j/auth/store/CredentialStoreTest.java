package dev.acp4j.auth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final long CLOCK_MILLIS = 1_790_000_000_000L;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("config").resolve("acp4j").resolve("credentials.json");
    }

    private CredentialStore store() {
        return new CredentialStore(file(), Clock.fixed(Instant.ofEpochMilli(CLOCK_MILLIS), ZoneOffset.UTC));
    }

    private static StoredCredential oauth() {
        return StoredCredential.oauth2("mcp:https://mcp.example.com/", "mcp-oauth", "access-TOKEN-1",
                "refresh-TOKEN-1", NOW.plusSeconds(3600), NOW,
                Map.of("tokenType", "Bearer", "scope", "read write", "clientId", "acp4j",
                        "tokenEndpoint", "https://auth.example.com/token"));
    }

    private static StoredCredential apiKey(String secret) {
        return StoredCredential.apiKey("openai", "openai-key-page", secret, NOW);
    }

    private static boolean posix(Path path) {
        return PrivateFiles.supportsPosix(path);
    }

    @Test
    void storesAndReadsBackEveryField() {
        CredentialStore store = store();
        store.put("openai", apiKey("sk-ROUNDTRIP-1"));
        store.put("mcp:https://mcp.example.com/", oauth());

        CredentialStore another = store();
        assertThat(another.get("openai")).contains(apiKey("sk-ROUNDTRIP-1"));
        assertThat(another.get("mcp:https://mcp.example.com/")).contains(oauth());
        assertThat(another.get("absent")).isEmpty();
        assertThat(another.all()).containsOnlyKeys("openai", "mcp:https://mcp.example.com/");
    }

    @Test
    void writesTheDocumentedFormat() throws IOException {
        store().put("mcp:https://mcp.example.com/", oauth());

        JsonNode root = new ObjectMapper().readTree(file().toFile());
        assertThat(root.get("version").intValue()).isEqualTo(1);
        JsonNode entry = root.get("credentials").get("mcp:https://mcp.example.com/");
        assertThat(entry.get("provider").textValue()).isEqualTo("mcp:https://mcp.example.com/");
        assertThat(entry.get("methodId").textValue()).isEqualTo("mcp-oauth");
        assertThat(entry.get("kind").textValue()).isEqualTo("OAUTH2");
        assertThat(entry.get("secret").textValue()).isEqualTo("access-TOKEN-1");
        assertThat(entry.get("refreshToken").textValue()).isEqualTo("refresh-TOKEN-1");
        assertThat(entry.get("expiresAt").textValue()).isEqualTo("2026-11-22T13:00:00Z");
        assertThat(entry.get("storedAt").textValue()).isEqualTo("2026-11-22T12:00:00Z");
        assertThat(entry.get("attributes").get("scope").textValue()).isEqualTo("read write");
    }

    @Test
    void removeAndUpdateChangeOnlyWhatTheyTouch() {
        CredentialStore store = store();
        store.put("openai", apiKey("sk-ONE-111111"));
        store.put("other", apiKey("sk-TWO-222222"));

        assertThat(store.remove("openai")).isTrue();
        assertThat(store.remove("openai")).isFalse();
        int size = store.update(credentials -> {
            credentials.put("third", apiKey("sk-THREE-3333"));
            return credentials.size();
        });

        assertThat(size).isEqualTo(2);
        assertThat(store.all()).containsOnlyKeys("other", "third");
    }

    @Test
    void theFileIsOwnerOnlyAndNoTemporaryFileIsLeftBehind() throws IOException {
        assumeTrue(posix(dir), "POSIX permissions");
        CredentialStore store = store();
        store.put("openai", apiKey("sk-PERMS-12345"));
        store.put("openai", apiKey("sk-PERMS-67890"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config"))))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("credentials.json", "credentials.json.lock");
        }
    }

    @Test
    void aWorldReadableFileIsReplacedByAnOwnerOnlyOne() throws IOException {
        assumeTrue(posix(dir), "POSIX permissions");
        store().put("openai", apiKey("sk-PERMS-12345"));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        store().put("openai", apiKey("sk-PERMS-67890"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void aTemporaryFileLeftByADeadWriterIsRemovedOnTheNextWrite() throws IOException {
        store().put("openai", apiKey("sk-FIRST-12345"));
        Path stale = file().resolveSibling("credentials.json.123456.tmp");
        Files.writeString(stale, "{\"half\":");

        store().put("openai", apiKey("sk-SECOND-12345"));

        assertThat(stale).doesNotExist();
    }

    @Test
    void aCorruptFileReadsAsEmptyAndIsKeptBeforeItIsReplaced() throws IOException {
        Files.createDirectories(file().getParent());
        byte[] corrupt = "{\"version\":1,\"credentials\":{\"openai\":{\"secret\":sk-CORRUPT".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), corrupt);
        CredentialStore store = store();

        assertThat(store.all()).isEmpty();
        assertThat(store.get("openai")).isEmpty();
        assertThat(Files.readAllBytes(file())).isEqualTo(corrupt);

        store.put("openai", apiKey("sk-REPLACEMENT-1"));

        Path copy = file().resolveSibling("credentials.json.corrupt-" + CLOCK_MILLIS);
        assertThat(Files.readAllBytes(copy)).isEqualTo(corrupt);
        if (posix(copy)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        }
        assertThat(store().get("openai")).contains(apiKey("sk-REPLACEMENT-1"));
    }

    @Test
    void aDamagedEntryIsSkippedTheOthersStayAndTheFileIsKept() throws IOException {
        Files.createDirectories(file().getParent());
        String damaged = "{\"version\":1,\"credentials\":{"
                + "\"good\":{\"provider\":\"openai\",\"methodId\":\"m\",\"kind\":\"API_KEY\",\"secret\":\"sk-GOOD-12345\","
                + "\"storedAt\":\"2026-11-22T12:00:00Z\"},"
                + "\"bad\":{\"provider\":\"openai\",\"methodId\":\"m\",\"kind\":\"API_KEY\",\"secret\":\"sk-BAD-12345\","
                + "\"storedAt\":\"yesterday\"}}}";
        Files.writeString(file(), damaged);
        CredentialStore store = store();

        assertThat(store.all()).containsOnlyKeys("good");

        store.put("new", apiKey("sk-NEW-1234567"));

        assertThat(store.all()).containsOnlyKeys("good", "new");
        assertThat(file().resolveSibling("credentials.json.corrupt-" + CLOCK_MILLIS)).hasContent(damaged);
    }

    @Test
    void aFileOfAnotherVersionIsNotReadAsThisOne() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\":2,\"credentials\":{}}");

        assertThat(store().all()).isEmpty();
        store().put("openai", apiKey("sk-VERSION-123"));

        assertThat(file().resolveSibling("credentials.json.corrupt-" + CLOCK_MILLIS))
                .hasContent("{\"version\":2,\"credentials\":{}}");
    }

    @Test
    void clearLeavesNoSecretInTheFileNorInKeptCopies() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "not json sk-OLD-CORRUPT-999");
        CredentialStore store = store();
        store.put("openai", apiKey("sk-CLEAR-ME-123456"));
        store.put("mcp:https://mcp.example.com/", oauth());
        assertThat(file().resolveSibling("credentials.json.corrupt-" + CLOCK_MILLIS)).exists();

        store.clear();

        String content = Files.readString(file());
        assertThat(content).doesNotContain("sk-CLEAR-ME-123456", "access-TOKEN-1", "refresh-TOKEN-1");
        assertThat(new ObjectMapper().readTree(content).get("credentials").size()).isZero();
        assertThat(store.all()).isEmpty();
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("credentials.json", "credentials.json.lock");
        }
    }

    @Test
    void concurrentWritersInOneProcessLoseNothing() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // A store per thread as well as a shared one: both must be safe.
                CredentialStore store = thread % 2 == 0 ? store() : new CredentialStore(file());
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.put("t" + thread + "-" + i, apiKey("sk-THREAD-" + thread + "-" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store().all()).hasSize(threads * perThread);
    }

    @Test
    void twoProcessesWritingAtOnceLoseNothing() throws Exception {
        ChildJvm first = ChildJvm.start(dir, List.of(), ConcurrentPutMain.class, file().toString(), "a", "50");
        ChildJvm second = ChildJvm.start(dir, List.of(), ConcurrentPutMain.class, file().toString(), "b", "50");

        ChildJvm.Result a = first.await();
        ChildJvm.Result b = second.await();

        assertThat(a.exitCode()).as(a.stderr()).isZero();
        assertThat(b.exitCode()).as(b.stderr()).isZero();
        JsonNode credentials = new ObjectMapper().readTree(file().toFile()).get("credentials");
        assertThat(credentials.size()).isEqualTo(100);
        assertThat(store().all()).hasSize(100).containsKeys("a-0", "a-49", "b-0", "b-49");
    }

    @Test
    void anUpdateMayNotUseTheStoreItIsUpdating() {
        CredentialStore store = store();

        assertThatIllegalStateException().isThrownBy(() -> store.update(credentials -> {
            store.put("inner", apiKey("sk-INNER-123456"));
            return null;
        }));
        assertThat(store.all()).isEmpty();
    }

    @Test
    void defaultPathHonoursXdgConfigHome() {
        assertThat(CredentialStore.defaultPath(Map.of("XDG_CONFIG_HOME", "/xdg/conf", "HOME", "/home/u")))
                .isEqualTo(Path.of("/xdg/conf/acp4j/credentials.json"));
    }

    @Test
    void defaultPathFallsBackToHomeDotConfig() {
        assertThat(CredentialStore.defaultPath(Map.of("HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.config/acp4j/credentials.json"));
        assertThat(CredentialStore.defaultPath(Map.of("XDG_CONFIG_HOME", "", "HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.config/acp4j/credentials.json"));
        assertThat(CredentialStore.defaultPath(Map.of("XDG_CONFIG_HOME", "relative/conf", "HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.config/acp4j/credentials.json"));
        assertThat(CredentialStore.defaultPath(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "acp4j", "credentials.json"));
    }

    @Test
    void aProvidersOAuthCredentialAndApiKeyAreKeptSideBySide() {
        CredentialStore store = store();
        StoredCredential token = StoredCredential.oauth2("openai", "openai-oauth", "access-SIDE-1", "refresh-SIDE-1",
                NOW.plusSeconds(3600), NOW, Map.of());
        store.put(token);
        store.put(apiKey("sk-SIDE-123456"));

        assertThat(store().get("openai", CredentialKind.OAUTH2)).contains(token);
        assertThat(store().get("openai", CredentialKind.API_KEY)).contains(apiKey("sk-SIDE-123456"));
        assertThat(store().all()).containsOnlyKeys("openai", "openai#api_key");

        store.put(apiKey("sk-SIDE-654321"));
        assertThat(store().get("openai", CredentialKind.OAUTH2)).as("a new key leaves the OAuth credential").contains(token);
        assertThat(store().get("openai", CredentialKind.API_KEY)).contains(apiKey("sk-SIDE-654321"));
        assertThat(CredentialStore.provider("openai#api_key")).isEqualTo("openai");
        assertThat(CredentialStore.provider("mcp:https://mcp.example.com/")).isEqualTo("mcp:https://mcp.example.com/");
    }

    @Test
    void anApiKeyInAFileOfTheOldLayoutIsReadAndKeptWhenAnOAuthCredentialIsStored() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\":1,\"credentials\":{\"openai\":{\"provider\":\"openai\","
                + "\"methodId\":\"openai-key-page\",\"kind\":\"API_KEY\",\"secret\":\"sk-LEGACY-12345\","
                + "\"storedAt\":\"2026-11-22T12:00:00Z\"}}}");
        CredentialStore store = store();
        assertThat(store.get("openai", CredentialKind.API_KEY)).contains(apiKey("sk-LEGACY-12345"));
        assertThat(store.get("openai", CredentialKind.OAUTH2)).isEmpty();

        StoredCredential token = StoredCredential.oauth2("openai", "openai-oauth", "access-NEW-1", null,
                NOW.plusSeconds(3600), NOW, Map.of());
        store.put(token);

        assertThat(store().get("openai", CredentialKind.OAUTH2)).contains(token);
        assertThat(store().get("openai", CredentialKind.API_KEY)).contains(apiKey("sk-LEGACY-12345"));
        assertThat(store().all()).containsOnlyKeys("openai", "openai#api_key");
    }
}
