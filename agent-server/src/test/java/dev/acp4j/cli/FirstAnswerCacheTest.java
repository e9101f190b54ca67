package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.jsonrpc.FirstLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAnswerCacheTest {

    private static final String REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":%s,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}";
    private static final String ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":{\"protocolVersion\":1}}";

    @TempDir
    Path directory;

    @Test
    void anEntryAnswersTheSameRequestWithAnyPlainId() {
        FirstAnswerCache.Entry numeric = entry("0");
        for (String id : new String[] {"0", "7", "-12", "123456789012345678"}) {
            assertThat(answer(numeric, String.format(REQUEST, id))).as(id).isEqualTo(String.format(ANSWER, id));
        }
        // not as the server would write them, or not a number: a miss
        for (String id : new String[] {"01", "-0", "1.0", "1e3", "1234567890123456789", "", "-", "7 ", "null", "true"}) {
            assertThat(answer(numeric, String.format(REQUEST, id))).as(id).isNull();
        }
        FirstAnswerCache.Entry text = entry("\"zed-1\"");
        for (String id : new String[] {"\"\"", "\"a b/c:{}[],\"", "\"x\"", "7", "\"7\""}) {
            assertThat(answer(text, String.format(REQUEST, id))).as(id).isEqualTo(String.format(ANSWER, id));
        }
        for (String id : new String[] {"\"a\\\"b\"", "\"a\\u0062\"", "\"é\"", "\"a\"b\"", "\"" + "x".repeat(257) + "\""}) {
            assertThat(answer(text, String.format(REQUEST, id))).as(id).isNull();
        }
        // another request around the id
        assertThat(answer(numeric, String.format(REQUEST, "3").replace("\"protocolVersion\":1", "\"protocolVersion\":2"))).isNull();
        assertThat(answer(numeric, " " + String.format(REQUEST, "3"))).isNull();
    }

    @Test
    void onlyAPairWhoseAnswerCarriesTheRequestsIdInPlainFormIsKept() {
        assertThat(FirstAnswerCache.Entry.of(bytes(String.format(REQUEST, "-0")), bytes(String.format(ANSWER, "0")))).isNull();
        assertThat(FirstAnswerCache.Entry.of(bytes(String.format(REQUEST, "\"a\\u0062\"")), bytes(String.format(ANSWER, "\"ab\""))))
                .isNull();
        assertThat(FirstAnswerCache.Entry.of(bytes(String.format(REQUEST, "3")), bytes(String.format(ANSWER, "4")))).isNull();
        assertThat(FirstAnswerCache.Entry.of(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"initialize\"}"), bytes(String.format(ANSWER, "4"))))
                .isNull();
        // a nested "id" is not the request's
        String nested = "{\"params\":{\"id\":5},\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"initialize\"}";
        FirstAnswerCache.Entry entry = FirstAnswerCache.Entry.of(bytes(nested), bytes(String.format(ANSWER, "6")));
        assertThat(answer(entry, nested.replace("\"id\":6", "\"id\":9"))).isEqualTo(String.format(ANSWER, "9"));
    }

    @Test
    void aSlotIsNamedByTheDigestsFirstByte() {
        assertThat(FirstAnswerCache.slot((byte) 0x00)).isEqualTo("first-answer-00");
        assertThat(FirstAnswerCache.slot((byte) 0xa7)).isEqualTo("first-answer-a7");
        assertThat(FirstAnswerCache.slot((byte) 0xff)).isEqualTo("first-answer-ff");
    }

    @Test
    void entriesAreWrittenPrivatelyAndReadBackOnlyWithTheirDigest() throws Exception {
        Path file = directory.resolve("cache/acp4j/first-answer-3");
        byte[] digest = new byte[32];
        digest[0] = 3;
        FirstAnswerCache.Entry entry = entry("0");
        entry.write(file, digest);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
        assertThat(FirstAnswerCache.Entry.read(file, digest)).isEqualTo(entry);
        byte[] other = digest.clone();
        other[31] = 1;
        assertThat(FirstAnswerCache.Entry.read(file, other)).isNull();
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {0, 3, 20, whole.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(whole, cut));
            assertThat(FirstAnswerCache.Entry.read(file, digest)).as("cut at %d", cut).isNull();
        }
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length + 1));
        assertThat(FirstAnswerCache.Entry.read(file, digest)).isNull();
        assertThat(FirstAnswerCache.Entry.read(directory.resolve("none"), digest)).isNull();
    }

    private static FirstAnswerCache.Entry entry(String id) {
        FirstAnswerCache.Entry entry = FirstAnswerCache.Entry.of(bytes(String.format(REQUEST, id)), bytes(String.format(ANSWER, id)));
        assertThat(entry).isNotNull();
        return entry;
    }

    private static String answer(FirstAnswerCache.Entry entry, String request) {
        FirstLine line = FirstLine.read(new java.io.ByteArrayInputStream(bytes(request + "\n")), 1 << 16);
        byte[] answer = entry.answerFor(line);
        return answer == null ? null : new String(answer, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
