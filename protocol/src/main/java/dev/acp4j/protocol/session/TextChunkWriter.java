package dev.acp4j.protocol.session;

import dev.acp4j.protocol.content.ContentBlock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the updates a turn streams by the thousand — {@code agent_message_chunk},
 * {@code agent_thought_chunk} and {@code user_message_chunk} with text content — straight into
 * a reusable byte buffer, exactly as the wire's mapper ({@code Json.newMapper()}) writes them,
 * without databind. Anything else (other content, annotations, a string with a surrogate, a
 * {@code _meta} value other than null, a string, a boolean, an integer, a {@code BigDecimal}, a
 * map with string keys or a list of those) is refused: the caller lets databind write it.
 *
 * <p>Not thread-safe: one writer per thread (a turn's).
 */
public final class TextChunkWriter {

    private static final byte[] AGENT_MESSAGE = ascii("{\"sessionUpdate\":\"agent_message_chunk\",\"content\":{\"type\":\"text\",\"text\":");
    private static final byte[] AGENT_THOUGHT = ascii("{\"sessionUpdate\":\"agent_thought_chunk\",\"content\":{\"type\":\"text\",\"text\":");
    private static final byte[] USER_MESSAGE = ascii("{\"sessionUpdate\":\"user_message_chunk\",\"content\":{\"type\":\"text\",\"text\":");
    private static final byte[] MESSAGE_ID = ascii(",\"messageId\":");
    private static final byte[] META = ascii(",\"_meta\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    /** {@code _meta} deeper than this is left to databind. */
    private static final int MAX_META_DEPTH = 32;
    /** A longer string is left to databind (its escaped form could overflow the buffer's size). */
    private static final int MAX_STRING_CHARS = 64 * 1024 * 1024;

    /**
     * How databind's generator writes each ASCII character inside a string: 0 as itself, a letter
     * for a two-character escape ({@code \n}), -1 for {@code \}{@code u00XX}.
     */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private byte[] bytes = new byte[1024];
    private int length;
    /** A string's characters, copied out at once (cheaper than a call per character). */
    private char[] chars = new char[256];
    /** The last {@code messageId} written and its bytes: a turn's chunks all carry the same one. */
    private String lastMessageId;
    private byte[] lastMessageIdJson;

    /** {@return the buffer; bytes {@code 0} to {@link #length()} are what was written} */
    public byte[] bytes() {
        return bytes;
    }

    /** {@return how many bytes were written since the last {@link #reset}} */
    public int length() {
        return length;
    }

    /** Empties the buffer (a buffer grown past 1 MiB for one long chunk is dropped). */
    public void reset() {
        length = 0;
        if (bytes.length > 1024 * 1024) {
            bytes = new byte[1024];
        }
        if (chars.length > 256 * 1024) {
            chars = new char[256];
        }
    }

    /**
     * Appends bytes as they are.
     *
     * @param raw the bytes
     */
    public void append(byte[] raw) {
        ensure(raw.length);
        System.arraycopy(raw, 0, bytes, length, raw.length);
        length += raw.length;
    }

    /**
     * Appends one byte.
     *
     * @param b the byte
     */
    public void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    /**
     * Appends {@code update} as the mapper writes it, when it is a text chunk this writer handles.
     *
     * @param update the update
     * @return true when written; false (nothing appended) when databind must write it
     */
    public boolean appendUpdate(SessionUpdate update) {
        int start = length;
        if (writeUpdate(update)) {
            return true;
        }
        length = start;
        return false;
    }

    private boolean writeUpdate(SessionUpdate update) {
        byte[] head;
        ContentBlock content;
        String messageId;
        Map<String, Object> meta;
        if (update instanceof SessionUpdate.AgentMessageChunk c) {
            head = AGENT_MESSAGE;
            content = c.content();
            messageId = c.messageId();
            meta = c.meta();
        } else if (update instanceof SessionUpdate.AgentThoughtChunk c) {
            head = AGENT_THOUGHT;
            content = c.content();
            messageId = c.messageId();
            meta = c.meta();
        } else if (update instanceof SessionUpdate.UserMessageChunk c) {
            head = USER_MESSAGE;
            content = c.content();
            messageId = c.messageId();
            meta = c.meta();
        } else {
            return false;
        }
        if (!(content instanceof ContentBlock.Text text) || text.text() == null || text.annotations() != null) {
            return false;
        }
        append(head);
        if (!writeString(text.text())) {
            return false;
        }
        if (text.meta() != null) {
            append(META);
            if (!writeValue(text.meta(), 0)) {
                return false;
            }
        }
        append((byte) '}');
        if (messageId != null) {
            append(MESSAGE_ID);
            if (!writeMessageId(messageId)) {
                return false;
            }
        }
        if (meta != null) {
            append(META);
            if (!writeValue(meta, 0)) {
                return false;
            }
        }
        append((byte) '}');
        return true;
    }

    private boolean writeValue(Object value, int depth) {
        if (value == null) {
            append(NULL);
        } else if (value instanceof String s) {
            return writeString(s);
        } else if (value instanceof Boolean b) {
            append(b ? TRUE : FALSE);
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof BigDecimal) {
            appendAscii(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            return depth < MAX_META_DEPTH && writeMap(map, depth + 1);
        } else if (value instanceof List<?> list) {
            return depth < MAX_META_DEPTH && writeList(list, depth + 1);
        } else {
            return false;
        }
        return true;
    }

    private boolean writeMap(Map<?, ?> map, int depth) {
        append((byte) '{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                return false;
            }
            if (!first) {
                append((byte) ',');
            }
            first = false;
            if (!writeString(key)) {
                return false;
            }
            append((byte) ':');
            if (!writeValue(entry.getValue(), depth)) {
                return false;
            }
        }
        append((byte) '}');
        return true;
    }

    private boolean writeList(List<?> list, int depth) {
        append((byte) '[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                append((byte) ',');
            }
            if (!writeValue(list.get(i), depth)) {
                return false;
            }
        }
        append((byte) ']');
        return true;
    }

    private boolean writeMessageId(String messageId) {
        if (messageId != lastMessageId) {
            int start = length;
            if (!writeString(messageId)) {
                return false;
            }
            lastMessageIdJson = Arrays.copyOfRange(bytes, start, length);
            lastMessageId = messageId;
            return true;
        }
        append(lastMessageIdJson);
        return true;
    }

    /** A quoted, escaped string in UTF-8; false for a string holding a surrogate (databind's way with those is its own). */
    private boolean writeString(String s) {
        int n = s.length();
        if (n > MAX_STRING_CHARS) {
            return false;
        }
        ensure(n * 6 + 2);
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        byte[] b = bytes;
        int p = length;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    b[p++] = (byte) c;
                } else if (escape > 0) {
                    b[p++] = '\\';
                    b[p++] = escape;
                } else {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        length = p;
        return true;
    }

    private void appendAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    private void ensure(int more) {
        int needed = length + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
