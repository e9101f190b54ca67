package dev.acp4j.cli;

import dev.acp4j.auth.store.PrivateFiles;
import dev.acp4j.jsonrpc.FirstLine;
import dev.acp4j.jsonrpc.TreeReader;
import dev.acp4j.server.FirstAnswerRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The launch cache of the first answer: an editor starts the agent with the same command, the
 * same configuration and the same {@code initialize} line, launch after launch, and waits for
 * that one answer. So the launcher keeps the server's answer to a launch's first
 * {@code initialize} together with a SHA-256 of everything that answer is made from — the
 * arguments, the configuration file's bytes, every system property and environment variable, and
 * the path, size and time of every class path jar — and the next launch with the same digest
 * and the same request line (its id aside) writes that answer before anything else is loaded.
 * The server still reads the line, sets what the client is from it, and computes its own answer:
 * one that differs marks the entry out of date (the warning is on stderr).
 *
 * <p>Used only for a plain serve command line (no {@code --trace}, no {@code start_param} flag)
 * whose configuration is a {@code --config} file or a fixed default, and only with
 * {@code ACP4J_FIRST_ANSWER} not {@code off}. The entries live in the user's cache directory
 * ({@code $XDG_CACHE_HOME/<name>/}, else {@code ~/.cache/<name>/}, created 0700), 256 slots by
 * digest, each file 0600 and replaced atomically; an unreadable, damaged or foreign entry is a miss.
 * The environment is only ever hashed; an entry holds the digest, the request line and the answer.
 */
final class FirstAnswerCache implements FirstAnswerRecord {

    /** {@code off} turns the cache off. */
    static final String SWITCH = "ACP4J_FIRST_ANSWER";

    private static final int FORMAT = 0x61346631; // "a4f1"
    private static final String FORMAT_NAME = "acp4j first answer, format a4f1";
    /** An entry's file: this and two hex digits of the digest (256 slots: two launch settings seldom share one). */
    private static final String SLOT_PREFIX = "first-answer-";
    private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final byte[] ANSWER_START = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.US_ASCII);
    /** A recorded line longer than this is not kept (an {@code initialize} is far shorter). */
    private static final int MAX_LINE = 64 * 1024;
    private static final String CLASS_PATH = "java.class.path";
    private static final int MAX_STRING_ID = 256;
    private static final int MAX_INTEGER_ID_DIGITS = 18;

    private final Path file;
    private final byte[] digest;
    private final int maxLineBytes;
    private final String name;
    private byte[] sent;

    private FirstAnswerCache(Path file, byte[] digest, int maxLineBytes, String name) {
        this.file = file;
        this.digest = digest;
        this.maxLineBytes = maxLineBytes;
        this.name = name;
    }

    /**
     * The process's stdin and stdout, and the cache: what a launch starts with.
     *
     * @param stdin what the server is to read (the first line, answered or not, then the rest)
     * @param stdout the process's stdout, buffered
     * @param cache the first-answer cache, or null when it does not apply
     */
    record Launch(InputStream stdin, OutputStream stdout, FirstAnswerCache cache) {

        /** Looks the first line up and, on a hit, writes its answer before anything else is loaded. */
        static Launch start(String name, String[] args, boolean defaultConfigFixed) {
            return start(name, args, defaultConfigFixed, System.getenv(), new FileInputStream(FileDescriptor.in),
                    new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        }

        /** As {@link #start(String, String[], boolean)}, with these streams and this environment (the class-data training's). */
        static Launch start(String name, String[] args, boolean defaultConfigFixed, Map<String, String> env,
                            InputStream stdin, OutputStream stdout) {
            FirstAnswerCache cache = forLaunch(name, args, defaultConfigFixed, env);
            return new Launch(cache == null ? stdin : cache.answerFirstLine(stdin, stdout), stdout, cache);
        }
    }

    /**
     * The cache for this launch, or null when it does not apply (see the class comment).
     *
     * @param name the agent's name (its cache directory)
     * @param args the command line
     * @param defaultConfigFixed whether the configuration without {@code --config} is always the same
     * @param env the environment
     */
    static FirstAnswerCache forLaunch(String name, String[] args, boolean defaultConfigFixed, Map<String, String> env) {
        // No string concatenation or lambda on this path: each would link an invokedynamic call
        // site first, which costs more than the whole answer.
        if ("off".equals(env.get(SWITCH))) {
            return null;
        }
        Optional<ServeArguments> serve = ServeArguments.read(args, Set.of());
        if (serve.isEmpty() || serve.get().trace() != null) {
            return null;
        }
        Path config = serve.get().config();
        Path directory = directory(env, name);
        if (config == null && !defaultConfigFixed || directory == null) {
            return null;
        }
        try {
            Digest digest = new Digest();
            digest.text(FORMAT_NAME);
            digest.text(name);
            digest.number(args.length);
            for (String arg : args) {
                digest.text(arg);
            }
            digest.bytes(config == null ? new byte[0] : read(config.toFile()));
            // each jar as it is now (a relative entry is resolved against user.dir, a property)
            String classPath = System.getProperty(CLASS_PATH, "");
            for (String entry : classPath.split(File.pathSeparator)) {
                // a directory's time does not change with the classes in it: jars only
                File jar = new File(entry);
                long modified = jar.lastModified();
                if (!entry.endsWith(".jar") || modified == 0) {
                    return null;
                }
                digest.text(entry);
                digest.number(jar.length());
                digest.number(modified);
            }
            Map<String, String> properties = new TreeMap<>();
            for (String key : System.getProperties().stringPropertyNames()) {
                if (!key.equals(CLASS_PATH)) {
                    properties.put(key, System.getProperty(key));
                }
            }
            digest.map(properties);
            digest.map(new TreeMap<>(env));
            byte[] key = digest.finish();
            Path file = directory.resolve(slot(key[0]));
            return new FirstAnswerCache(file, key, serve.get().maxLineBytes(), name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Without string concatenation, which would bootstrap an invokedynamic call site on the launch path. */
    static String slot(byte first) {
        char[] name = new char[SLOT_PREFIX.length() + 2];
        SLOT_PREFIX.getChars(0, SLOT_PREFIX.length(), name, 0);
        name[name.length - 2] = HEX[(first >> 4) & 0x0f];
        name[name.length - 1] = HEX[first & 0x0f];
        return new String(name);
    }

    /**
     * Reads the first line; when the cache holds its answer, writes that answer and flushes.
     *
     * @return what the server is to read: the first line (answered or not) and the rest
     */
    InputStream answerFirstLine(InputStream in, OutputStream out) {
        Entry entry = Entry.read(file, digest);
        if (entry == null) {
            return in;
        }
        FirstLine first = FirstLine.read(in, MAX_LINE);
        if (first.isWhole() && first.length() <= maxLineBytes) {
            byte[] answer = entry.answerFor(first);
            if (answer != null) {
                sent = answer;
                try {
                    out.write(answer);
                    out.write('\n');
                    out.flush();
                } catch (IOException e) {
                    // the editor stopped reading; the server finds out when it writes
                }
            }
        }
        return first.remaining(false);
    }

    @Override
    public byte[] sentBeforeServing() {
        return sent;
    }

    @Override
    public void answered(byte[] requestLine, byte[] answerLine) {
        Entry entry = Entry.of(requestLine, answerLine);
        if (entry != null) {
            entry.write(file, digest);
        }
    }

    @Override
    public void outOfDate(byte[] requestLine) {
        System.err.println(name + ": the first answer came from an out-of-date launch cache entry (" + file
                + "); it was replaced");
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next launch's digest check still guards it
        }
    }

    private static byte[] read(File file) throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return in.readAllBytes();
        }
    }

    /** {@code $XDG_CACHE_HOME/<name>}, else {@code $HOME/.cache/<name>}; null without either. */
    private static Path directory(Map<String, String> env, String name) {
        String cache = env.get("XDG_CACHE_HOME");
        if (cache != null && cache.startsWith("/")) {
            return Path.of(cache, name);
        }
        String home = env.get("HOME");
        return home != null && home.startsWith("/") ? Path.of(home, ".cache", name) : null;
    }

    /** SHA-256 of length-prefixed fields, so that no two different inputs give the same stream. */
    private static final class Digest {
        private final Sha256 sha256 = new Sha256();
        private final byte[] number = new byte[8];

        void number(long value) {
            for (int i = 0; i < 8; i++) {
                number[i] = (byte) (value >>> (56 - 8 * i));
            }
            sha256.update(number);
        }

        void bytes(byte[] value) {
            number(value.length);
            sha256.update(value);
        }

        void text(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void map(Map<String, String> entries) {
            number(entries.size());
            for (Map.Entry<String, String> e : entries.entrySet()) {
                text(e.getKey());
                text(e.getValue());
            }
        }

        byte[] finish() {
            return sha256.digest();
        }
    }

    /**
     * One kept answer: the request line around its id, and the answer after its id. A request
     * matches when it is those bytes around an id in plain form (an integer without leading
     * zeros, or a string of printable ASCII without quote or backslash): the server reads either
     * kind alike, and writes it back exactly so, which is what the answer then carries.
     */
    record Entry(byte[] before, byte[] after, byte[] answerAfterId) {

        /** The answer line for {@code line}, or null when it does not match. */
        byte[] answerFor(FirstLine line) {
            int length = line.length();
            int idLength = length - before.length - after.length;
            if (idLength <= 0
                    || !line.regionEquals(0, before.length, before, 0)
                    || !line.regionEquals(length - after.length, length, after, 0)) {
                return null;
            }
            byte[] id = line.copy(before.length, before.length + idLength);
            if (!isPlainId(id, 0, idLength)) {
                return null;
            }
            byte[] answer = new byte[ANSWER_START.length + idLength + answerAfterId.length];
            System.arraycopy(ANSWER_START, 0, answer, 0, ANSWER_START.length);
            System.arraycopy(id, 0, answer, ANSWER_START.length, idLength);
            System.arraycopy(answerAfterId, 0, answer, ANSWER_START.length + idLength, answerAfterId.length);
            return answer;
        }

        /** The entry for a request and the server's answer to it, or null when it cannot be kept. */
        static Entry of(byte[] request, byte[] answer) {
            if (request.length > MAX_LINE) {
                return null;
            }
            int[] id = idSpan(request);
            if (id == null) {
                return null;
            }
            int idLength = id[1] - id[0];
            if (!isPlainId(request, id[0], idLength)
                    || answer.length < ANSWER_START.length + idLength
                    || !Arrays.equals(answer, 0, ANSWER_START.length, ANSWER_START, 0, ANSWER_START.length)
                    || !Arrays.equals(answer, ANSWER_START.length, ANSWER_START.length + idLength, request, id[0], id[1])) {
                return null;
            }
            return new Entry(Arrays.copyOfRange(request, 0, id[0]), Arrays.copyOfRange(request, id[1], request.length),
                    Arrays.copyOfRange(answer, ANSWER_START.length + idLength, answer.length));
        }

        /** Where the top-level {@code id} value is in the request: {start, end}, or null. */
        private static int[] idSpan(byte[] request) {
            try (JsonParser p = TreeReader.factory().createParser(request)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("id".equals(field)) {
                        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        long start = p.currentTokenLocation().getByteOffset();
                        p.getText(); // a string is read to its closing quote only now
                        long end = p.currentLocation().getByteOffset();
                        return start >= 0 && end > start && end <= request.length ? new int[] {(int) start, (int) end} : null;
                    }
                    p.skipChildren();
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }

        private static boolean isPlainId(byte[] b, int from, int length) {
            if (b[from] == '"') {
                if (length < 2 || length > MAX_STRING_ID + 2 || b[from] != '"' || b[from + length - 1] != '"') {
                    return false;
                }
                for (int i = from + 1; i < from + length - 1; i++) {
                    if (b[i] < 0x20 || b[i] > 0x7e || b[i] == '"' || b[i] == '\\') {
                        return false;
                    }
                }
                return true;
            }
            int digits = from;
            if (b[from] == '-') {
                digits++;
            }
            int count = from + length - digits;
            if (count < 1 || count > MAX_INTEGER_ID_DIGITS || b[digits] == '0' && (count > 1 || digits > from)) {
                return false;
            }
            for (int i = digits; i < from + length; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return false;
                }
            }
            return true;
        }

        static Entry read(Path file, byte[] digest) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                if (in.readInt() != FORMAT || !Arrays.equals(chunk(in, 64), digest)) {
                    return null;
                }
                byte[] before = chunk(in, MAX_LINE);
                byte[] after = chunk(in, MAX_LINE);
                byte[] answer = chunk(in, 4 * MAX_LINE);
                return in.read() < 0 ? new Entry(before, after, answer) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static byte[] chunk(DataInputStream in, int max) throws IOException {
            int length = in.readInt();
            if (length < 0 || length > max) {
                throw new IOException("damaged");
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length != length) {
                throw new IOException("cut short");
            }
            return chunk;
        }

        /** Replaces the file atomically (a reader sees the old entry or this one, whole); failures are ignored. */
        void write(Path file, byte[] digest) {
            try {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
                DataOutputStream out = new DataOutputStream(buffer);
                out.writeInt(FORMAT);
                for (byte[] chunk : new byte[][] {digest, before, after, answerAfterId}) {
                    out.writeInt(chunk.length);
                    out.write(chunk);
                }
                PrivateFiles.writeAtomically(file, buffer.toByteArray());
            } catch (IOException | RuntimeException e) {
                // a launch cache: the next launch records it again
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && Arrays.equals(before, e.before) && Arrays.equals(after, e.after)
                    && Arrays.equals(answerAfterId, e.answerAfterId);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(before) * 31 + Arrays.hashCode(after);
        }

        @Override
        public String toString() {
            return "Entry[" + new String(before, StandardCharsets.UTF_8) + "<id>" + new String(after, StandardCharsets.UTF_8) + "]";
        }
    }
}
