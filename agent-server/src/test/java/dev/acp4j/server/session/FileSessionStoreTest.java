package dev.acp4j.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.store.ChildJvm;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.protocol.content.ContentBlock;
import dev.acp4j.protocol.session.SessionUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {

    @TempDir
    Path dir;

    private Path sessions() {
        return dir.resolve("data").resolve("sessions");
    }

    private FileSessionStore store() {
        return new FileSessionStore(sessions(), Json.shared());
    }

    private static StoredSession session(String id, String updatedAt) {
        return new StoredSession(id, "/work/" + id, List.of("/extra"), "title " + id, "2026-01-01T00:00:00.000Z",
                updatedAt, "ask", Map.of("model", "max", "loud", true));
    }

    private static List<String> texts(List<SessionUpdate> updates) {
        return updates.stream().map(u -> ((ContentBlock.Text) ((SessionUpdate.AgentMessageChunk) u).content()).text()).toList();
    }

    @Test
    void nothingIsCreatedBeforeTheFirstSessionIsSaved() throws IOException {
        FileSessionStore store = store();
        assertThat(store.list()).isEmpty();
        assertThat(store.find("abc")).isEmpty();
        assertThat(store.conversation("abc")).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void sessionsAndConversationsRoundTripNewestFirst() throws IOException {
        try (FileSessionStore store = store()) {
            store.save(session("old", "2026-01-01T10:00:00.000Z"));
            store.save(session("new", "2026-01-02T10:00:00.000Z"));
            store.append("new", new SessionUpdate.UserMessageChunk(ContentBlock.text("hi"), "m1", null));
            store.append("new", SessionUpdate.agentMessage("hello"));
        }
        FileSessionStore reopened = store();
        assertThat(reopened.list()).extracting(StoredSession::sessionId).containsExactly("new", "old");
        assertThat(reopened.find("old")).contains(session("old", "2026-01-01T10:00:00.000Z"));
        List<SessionUpdate> conversation = reopened.conversation("new");
        assertThat(conversation).hasSize(2);
        assertThat(conversation.get(0)).isEqualTo(new SessionUpdate.UserMessageChunk(ContentBlock.text("hi"), "m1", null));
        assertThat(texts(conversation.subList(1, 2))).containsExactly("hello");
    }

    @Test
    void aListSeesRecordsChangedReplacedOrDeletedByAnotherProcessSinceTheLastList() throws IOException {
        FileSessionStore store = store();
        store.save(session("a", "2026-01-01T10:00:00.000Z"));
        store.save(session("b", "2026-01-02T10:00:00.000Z"));
        assertThat(store.list()).extracting(StoredSession::sessionId).containsExactly("b", "a");
        FileSessionStore other = store();
        other.save(session("a", "2026-01-03T10:00:00.000Z").withTitle("renamed", "2026-01-03T10:00:00.000Z"));
        other.delete("b");
        other.save(session("c", "2026-01-01T09:00:00.000Z"));
        assertThat(store.list()).extracting(StoredSession::sessionId, StoredSession::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "renamed"), org.assertj.core.groups.Tuple.tuple("c", "title c"));
    }

    @Test
    void deleteRemovesBothFiles() throws IOException {
        FileSessionStore store = store();
        store.save(session("gone", "2026-01-01T10:00:00.000Z"));
        store.append("gone", SessionUpdate.agentMessage("x"));
        assertThat(store.delete("gone")).isTrue();
        assertThat(store.find("gone")).isEmpty();
        assertThat(store.list()).isEmpty();
        try (Stream<Path> files = Files.list(sessions())) {
            assertThat(files).isEmpty();
        }
        assertThat(store.delete("gone")).isFalse();
    }

    @Test
    void aTornLastLineIsIgnoredAndTheNextUpdateStartsAFreshLine() throws IOException {
        FileSessionStore store = store();
        store.save(session("s", "2026-01-01T10:00:00.000Z"));
        store.append("s", SessionUpdate.agentMessage("one"));
        store.close();
        Path conversation = sessions().resolve("s.jsonl");
        Files.writeString(conversation, "{\"sessionUpdate\":\"agent_message_chunk\",\"content\":{\"type\":\"te",
                StandardOpenOption.APPEND);

        assertThat(texts(store().conversation("s"))).containsExactly("one");

        FileSessionStore next = store();
        next.append("s", SessionUpdate.agentMessage("two"));
        assertThat(texts(next.conversation("s"))).containsExactly("one", "two");
        next.close();
    }

    @Test
    void aLineTornByAnotherWriterWhileThisOneHasTheFileOpenIsNotContinued() throws IOException {
        try (FileSessionStore store = store()) {
            store.save(session("s", "2026-01-01T10:00:00.000Z"));
            store.append("s", SessionUpdate.agentMessage("one"));
            Files.writeString(sessions().resolve("s.jsonl"), "{\"sessionUpdate\":\"agent_mess", StandardOpenOption.APPEND);
            store.append("s", SessionUpdate.agentMessage("two"));
            assertThat(texts(store.conversation("s"))).containsExactly("one", "two");
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsSkipped() throws IOException {
        FileSessionStore store = store();
        store.save(session("s", "2026-01-01T10:00:00.000Z"));
        store.append("s", SessionUpdate.agentMessage("one"));
        Files.writeString(sessions().resolve("s.jsonl"), "not json\n", StandardOpenOption.APPEND);
        store.append("s", SessionUpdate.agentMessage("two"));
        assertThat(texts(store.conversation("s"))).containsExactly("one", "two");
        store.close();
    }

    @Test
    void aDamagedRecordIsLeftOutOfTheList() throws IOException {
        FileSessionStore store = store();
        store.save(session("good", "2026-01-01T10:00:00.000Z"));
        Files.writeString(sessions().resolve("bad.json"), "{\"sessionId\":");
        assertThat(store.list()).extracting(StoredSession::sessionId).containsExactly("good");
        assertThat(store.find("bad")).isEmpty();
    }

    @Test
    void idsThatAreNotPlainNamesAreNeverFiles() throws IOException {
        FileSessionStore store = store();
        store.save(session("s", "2026-01-01T10:00:00.000Z"));
        Files.writeString(dir.resolve("data").resolve("outside.json"), "{}");
        assertThat(store.find("../outside")).isEmpty();
        assertThat(store.find("")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(store.delete("../outside")).isFalse();
        assertThat(dir.resolve("data").resolve("outside.json")).exists();
        assertThat(FileSessionStore.isValidId("a/b")).isFalse();
        assertThat(FileSessionStore.isValidId("6f1c-ab_9")).isTrue();
    }

    @Test
    void twoProcessesAppendingToOneSessionAtOnceCorruptNothing() throws Exception {
        ChildJvm first = ChildJvm.start(dir, List.of(), SessionStoreWriterMain.class, sessions().toString(), "shared", "a", "300");
        ChildJvm second = ChildJvm.start(dir, List.of(), SessionStoreWriterMain.class, sessions().toString(), "shared", "b", "300");
        ChildJvm.Result a = first.await();
        ChildJvm.Result b = second.await();
        assertThat(a.exitCode()).as(a.stderr()).isZero();
        assertThat(b.exitCode()).as(b.stderr()).isZero();

        List<String> lines = Files.readAllLines(sessions().resolve("shared.jsonl"), StandardCharsets.UTF_8);
        List<String> texts = texts(store().conversation("shared"));
        assertThat(lines).hasSize(600);
        assertThat(texts).hasSize(600);
        assertThat(texts.stream().filter(t -> t.startsWith("a-")).toList())
                .isEqualTo(Stream.iterate(0, i -> i + 1).limit(300).map(i -> "a-" + i).toList());
        assertThat(texts.stream().filter(t -> t.startsWith("b-")).toList())
                .isEqualTo(Stream.iterate(0, i -> i + 1).limit(300).map(i -> "b-" + i).toList());
        assertThat(store().find("shared")).isPresent();
    }

    @Test
    void filesAreOwnerOnlyFromCreationEvenUnderUmask000() throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SessionStoreWriterMain.class.getName(),
                sessions().toString(), "private", "p", "3"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(sessions())).isEqualTo("rwx------");
        assertThat(mode(sessions().resolve("private.json"))).isEqualTo("rw-------");
        assertThat(mode(sessions().resolve("private.jsonl"))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(sessions())) {
            assertThat(files).allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        }
    }

    @Test
    void updatesAppendedSoonReachTheFileTogetherAtTheFlushAndAreReadBeforeIt() throws IOException {
        FileSessionStore store = store();
        store.save(session("s", "2026-01-01T10:00:00.000Z"));
        store.append("s", SessionUpdate.agentMessage("one"));
        store.appendSoon("s", SessionUpdate.agentMessage("two"));
        store.appendSoon("s", SessionUpdate.agentMessage("three"));
        Path file = sessions().resolve("s.jsonl");
        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThat(texts(store().conversation("s"))).as("another process sees what was flushed").containsExactly("one");

        store.flush();
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(texts(store().conversation("s"))).containsExactly("one", "two", "three");

        store.appendSoon("s", SessionUpdate.agentMessage("four"));
        assertThat(texts(store.conversation("s"))).as("this store reads its own waiting updates").containsExactly("one", "two", "three", "four");
        store.appendSoon("s", SessionUpdate.agentMessage("five"));
        store.release("s");
        assertThat(texts(store().conversation("s"))).containsExactly("one", "two", "three", "four", "five");
        store.appendSoon("s", SessionUpdate.agentMessage("six"));
        store.close();
        assertThat(texts(store().conversation("s"))).endsWith("five", "six");
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
