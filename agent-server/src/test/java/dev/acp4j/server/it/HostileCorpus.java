package dev.acp4j.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hand-made part of the hostile corpus: broken framing and JSON (truncation, invalid
 * UTF-8, NUL bytes, deep nesting, trailing garbage), duplicate keys (last value wins), odd ids, envelope
 * errors, batches, unknown fields, stray responses and large lines. Every case is built
 * deterministically and says what the agent must answer.
 */
final class HostileCorpus {

    private static final JsonNode NULL_ID = NullNode.getInstance();
    static final int TEN_MIB = 10 * 1024 * 1024;
    private static final String INIT_PARAMS = "{\"protocolVersion\":1,\"clientCapabilities\":{}}";

    private final AtomicInteger ids;
    private final List<HostileInput> cases = new ArrayList<>();

    HostileCorpus(AtomicInteger ids) {
        this.ids = ids;
    }

    List<HostileInput> cases() {
        cases.clear();
        truncated();
        invalidUtf8();
        nulBytes();
        deepNesting();
        duplicateKeys();
        trailingGarbage();
        ids();
        envelope();
        batches();
        unknownFields();
        strayMessages();
        whitespace();
        bigLines();
        return List.copyOf(cases);
    }

    private void truncated() {
        int id = ids.incrementAndGet();
        String whole = initialize(id);
        for (int cut = 1; cut < whole.length(); cut += 7) {
            parseError("truncated", "first " + cut + " characters", whole.substring(0, cut));
        }
        parseError("truncated", "open string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initi");
        parseError("truncated", "dangling escape", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\\");
        parseError("truncated", "number cut in its exponent", "{\"jsonrpc\":\"2.0\",\"id\":1e");
        parseError("truncated", "unicode escape cut", "{\"jsonrpc\":\"2.0\",\"id\":\"\\u12\"}");
        parseError("truncated", "single brace", "{");
        parseError("truncated", "single bracket", "[");
        parseError("truncated", "bare word", "initialize");
        parseError("truncated", "true misspelt", "tru");
    }

    private void invalidUtf8() {
        String prefix = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,"
                + "\"clientInfo\":{\"name\":\"";
        String suffix = "\",\"version\":\"1\"}}}";
        byte[][] sequences = {
            {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC3, 0x28}, {(byte) 0xA0}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
        };
        for (byte[] bad : sequences) {
            add("invalid UTF-8", "in a string: " + hex(bad),
                    concat(bytes(prefix), bad, bytes(suffix)), HostileInput.Expected.error(-32700, NULL_ID));
            add("invalid UTF-8", "between tokens: " + hex(bad),
                    concat(bytes("{\"jsonrpc\":\"2.0\","), bad, bytes("\"id\":1,\"method\":\"initialize\"}")),
                    HostileInput.Expected.error(-32700, NULL_ID));
        }
        add("invalid UTF-8", "a lone continuation byte as the whole line", new byte[] {(byte) 0x80},
                HostileInput.Expected.error(-32700, NULL_ID));
        add("invalid UTF-8", "latin-1 é in a method name",
                concat(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"caf"), new byte[] {(byte) 0xE9}, bytes("\"}")),
                HostileInput.Expected.error(-32700, NULL_ID));
        int id = ids.incrementAndGet();
        add("valid UTF-8", "multi-byte text in a string is data",
                bytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,"
                        + "\"clientInfo\":{\"name\":\"zed ✓ 日本語 😀\",\"version\":\"1\"}}}"),
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
    }

    private void nulBytes() {
        parseError("NUL", "a lone NUL", "\u0000");
        parseError("NUL", "NUL before the message", "\u0000" + initialize(1));
        parseError("NUL", "NUL inside an object", "{\"jsonrpc\":\"2.0\",\u0000\"id\":1}");
        parseError("NUL", "raw NUL inside a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"init\u0000ialize\"}");
        parseError("NUL", "NUL after the message", initialize(1) + "\u0000");
        parseError("NUL", "NUL-padded line", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000");
        int id = ids.incrementAndGet();
        add("NUL", "escaped \\u0000 in a string is data", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,"
                + "\"clientInfo\":{\"name\":\"a\\u0000b\",\"version\":\"1\"}}}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("NUL", "escaped NUL in a method name", "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\\u0000\"}",
                HostileInput.Expected.error(-32601, IntNode.valueOf(id)));
    }

    private void deepNesting() {
        for (int depth : new int[] {257, 300, 10_000, 1_000_000}) {
            parseError("deep nesting", depth + " arrays", "[".repeat(depth) + "]".repeat(depth));
            parseError("deep nesting", depth + " open arrays, never closed", "[".repeat(depth));
        }
        for (String number : new String[] {"2E222222222222222222222222", "-1e-99999999999999999999", "0.5E+12345678901234567890"}) {
            parseError("huge exponent", number + " in _meta", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":1,\"_meta\":{\"x\":" + number + "}}}");
            parseError("huge exponent", number + " as the id", "{\"jsonrpc\":\"2.0\",\"id\":" + number + ",\"method\":\"initialize\"}");
            parseError("huge exponent", number + " in a batch", "[" + initialize(1) + ",{\"x\":" + number + "}]");
        }
        parseError("deep nesting", "500 objects", "{\"a\":".repeat(500) + "1" + "}".repeat(500));
        parseError("deep nesting", "300 levels inside the params of a request",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"_meta\":{\"x\":"
                        + "[".repeat(300) + "]".repeat(300) + "}}}");
        int id = ids.incrementAndGet();
        add("deep nesting", "200 levels in _meta are data", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"_meta\":{\"x\":"
                + "[".repeat(200) + "]".repeat(200) + "}}}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
    }

    /** A key twice in one object counts with its last value, at any depth, as in JSON.parse and Jackson's default. */
    private void duplicateKeys() {
        int id = ids.incrementAndGet();
        add("duplicate keys", "two ids: the last is echoed", "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "two methods: the last is called", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"no/such\",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}",
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "two methods, the last unknown", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"method\":\"no/such\",\"params\":" + INIT_PARAMS + "}",
                new HostileInput.Expected.Error(-32601, IntNode.valueOf(id), "no/such"));
        id = ids.incrementAndGet();
        add("duplicate keys", "two jsonrpc, the last \"2.0\"", "{\"jsonrpc\":\"1.0\",\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "two jsonrpc, the last \"1.0\"", "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"1.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}", HostileInput.Expected.error(-32600, IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "two params, the last valid", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{},\"params\":" + INIT_PARAMS + "}",
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "two params, the last empty", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + ",\"params\":{}}",
                new HostileInput.Expected.Error(-32602, IntNode.valueOf(id), "protocolVersion"));
        id = ids.incrementAndGet();
        add("duplicate keys", "inside params, the last of the right type", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"one\",\"protocolVersion\":1}}",
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "inside params, the last of a wrong type", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"protocolVersion\":\"one\"}}",
                new HostileInput.Expected.Error(-32602, IntNode.valueOf(id), "protocolVersion"));
        id = ids.incrementAndGet();
        add("duplicate keys", "deep inside _meta", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"_meta\":{\"a\":{\"b\":1,\"b\":[{\"c\":1,\"c\":2}]}}}}",
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "in client capabilities", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":{\"readTextFile\":1,"
                + "\"readTextFile\":true},\"terminal\":true,\"terminal\":false}}}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        add("duplicate keys", "in a notification", "{\"jsonrpc\":\"2.0\",\"method\":\"session/cancel\","
                + "\"params\":{\"sessionId\":\"a\",\"sessionId\":\"b\"}}", HostileInput.Expected.nothing());
        id = ids.incrementAndGet();
        add("duplicate keys", "in one element of a batch", "[{\"jsonrpc\":\"2.0\",\"id\":0,\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}]",
                new HostileInput.Expected.Batch(List.of(new HostileInput.Expected.Result(IntNode.valueOf(id)))));
    }

    /**
     * Duplicate keys in the prompt of a session: content blocks as the official Java SDK client
     * writes them (each block's {@code type} twice) are read like the same blocks without.
     */
    List<HostileInput> duplicateKeysInSession(String sessionId) {
        cases.clear();
        String prefix = ",\"method\":\"session/prompt\",\"params\":{\"sessionId\":\"" + sessionId + "\",\"prompt\":[";
        int id = ids.incrementAndGet();
        add("duplicate keys", "a content block's type twice (the Java SDK client)", "{\"jsonrpc\":\"2.0\",\"id\":" + id + prefix
                + "{\"type\":\"text\",\"type\":\"text\",\"text\":\"hello\"}]}}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "a content block's type twice, the last text", "{\"jsonrpc\":\"2.0\",\"id\":" + id + prefix
                + "{\"type\":\"image\",\"type\":\"text\",\"text\":\"hello\"}]}}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("duplicate keys", "a content block's type twice, the last unknown", "{\"jsonrpc\":\"2.0\",\"id\":" + id + prefix
                + "{\"type\":\"text\",\"type\":\"hologram\",\"text\":\"hello\"}]}}",
                new HostileInput.Expected.Error(-32602, IntNode.valueOf(id), "hologram"));
        id = ids.incrementAndGet();
        add("duplicate keys", "a content block's text twice, the last null", "{\"jsonrpc\":\"2.0\",\"id\":" + id + prefix
                + "{\"type\":\"text\",\"text\":\"hello\",\"text\":null}]}}", new HostileInput.Expected.Error(-32602, IntNode.valueOf(id), "text"));
        id = ids.incrementAndGet();
        add("duplicate keys", "the prompt twice, the last a list", "{\"jsonrpc\":\"2.0\",\"id\":" + id + prefix
                + "],\"prompt\":7,\"prompt\":[{\"type\":\"text\",\"text\":\"hello\"}]}}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        return List.copyOf(cases);
    }

    private void trailingGarbage() {
        parseError("trailing garbage", "two messages on one line", initialize(1) + initialize(2));
        parseError("trailing garbage", "a word after the message", initialize(1) + " xyz");
        parseError("trailing garbage", "a closing brace too many", initialize(1) + "}");
        parseError("trailing garbage", "a comma after the message", initialize(1) + ",");
    }

    private void ids() {
        for (String id : List.of("\"abc\"", "\"\"", "0", "-1", "1.5", "22.0", "-0", "1e3",
                "123456789012345678901234567890123456789012345678901234567890",
                "\"" + "x".repeat(100_000) + "\"", "\"line\\nbreak\"", "\"\\u2028\"")) {
            add("ids", "id " + abbreviate(id), "{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}", new HostileInput.Expected.Result(json(id)));
        }
        add("ids", "id of 900 digits is echoed", "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(900)
                + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}", new HostileInput.Expected.Result(json("9".repeat(900))));
        parseError("ids", "id of 5000 digits exceeds the number limit",
                "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(5000) + ",\"method\":\"initialize\"}");
        for (String id : List.of("true", "false", "{}", "[]", "{\"a\":1}", "[1]")) {
            add("ids", "id " + id + " is not an id", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}", HostileInput.Expected.error(-32600, NULL_ID));
        }
        add("ids", "id null is echoed as null", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"no/such\"}",
                HostileInput.Expected.error(-32601, NULL_ID));
    }

    private void envelope() {
        int id = ids.incrementAndGet();
        JsonNode echoed = IntNode.valueOf(id);
        String tail = ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}";
        for (String version : List.of("\"1.0\"", "\"2\"", "2.0", "2", "null", "\"2.0 \"", "[\"2.0\"]")) {
            add("envelope", "jsonrpc " + version, "{\"jsonrpc\":" + version + ",\"id\":" + id + tail,
                    HostileInput.Expected.error(-32600, echoed));
        }
        add("envelope", "no jsonrpc", "{\"id\":" + id + tail, HostileInput.Expected.error(-32600, echoed));
        for (String method : List.of("7", "null", "true", "{}", "[\"initialize\"]")) {
            add("envelope", "method " + method, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + method + "}",
                    HostileInput.Expected.error(-32600, echoed));
        }
        for (String method : List.of("\"\"", "\"INITIALIZE\"", "\"initialize \"", "\"session/\"", "\"rpc.discover\"",
                "\"" + "m".repeat(10_000) + "\"")) {
            add("envelope", "unknown method " + abbreviate(method), "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":"
                    + method + ",\"params\":{}}", HostileInput.Expected.error(-32601, echoed));
        }
        // the error message shows an unknown method's first 64 characters, control and invisible ones escaped
        for (String[] method : new String[][] {{"m".repeat(10_000), "m".repeat(64) + "…"},
                {"\\u0000x\\n\\u202e\\u2028", "\\u0000x\\u000a\\u202e\\u2028"}, {"\\ud800", "\\ud800"},
                {"\\u001b[2J\\u001b[H", "\\u001b[2J\\u001b[H"}, {"a\\\\u0000", "a\\\\u0000"},
                {"😀".repeat(65), "😀".repeat(64) + "…"}}) {
            add("envelope", "unknown method echoed as " + abbreviate(method[1]), "{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"method\":\"" + method[0] + "\"}",
                    new HostileInput.Expected.Error(-32601, echoed, "Method not found: " + method[1]));
        }
        for (String params : List.of("\"x\"", "1", "true", "null")) {
            add("envelope", "params " + params, "{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"method\":\"initialize\",\"params\":" + params + "}", HostileInput.Expected.error(-32600, echoed));
        }
        add("envelope", "params as an array", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":[1]}", new HostileInput.Expected.Error(-32602, echoed, "params"));
        add("envelope", "no params where some are required", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"session/new\"}", new HostileInput.Expected.Error(-32602, echoed, "cwd"));
        add("envelope", "an empty object", "{}", HostileInput.Expected.error(-32600, NULL_ID));
        for (String scalar : List.of("1", "true", "null", "\"initialize\"", "-0.5e10")) {
            add("envelope", "top-level " + scalar, scalar, HostileInput.Expected.error(-32600, NULL_ID));
        }
        add("envelope", "a notification with no method", "{\"jsonrpc\":\"2.0\",\"params\":{}}",
                HostileInput.Expected.error(-32600, NULL_ID));
        add("envelope", "a notification with params 7", "{\"jsonrpc\":\"2.0\",\"method\":\"session/cancel\",\"params\":7}",
                HostileInput.Expected.error(-32600, NULL_ID));
    }

    private void batches() {
        add("batch", "empty", "[]", HostileInput.Expected.error(-32600, NULL_ID));
        add("batch", "of three numbers", "[1,2,3]", new HostileInput.Expected.Batch(List.of(
                HostileInput.Expected.error(-32600, NULL_ID), HostileInput.Expected.error(-32600, NULL_ID),
                HostileInput.Expected.error(-32600, NULL_ID))));
        add("batch", "nested", "[[]]", new HostileInput.Expected.Batch(List.of(HostileInput.Expected.error(-32600, NULL_ID))));
        int first = ids.incrementAndGet();
        int second = ids.incrementAndGet();
        add("batch", "a request, a notification, an unknown method and garbage", "[" + initialize(first)
                + ",{\"jsonrpc\":\"2.0\",\"method\":\"session/cancel\",\"params\":{\"sessionId\":\"x\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":" + second + ",\"method\":\"no/such\"},\"junk\"]",
                new HostileInput.Expected.Batch(List.of(new HostileInput.Expected.Result(IntNode.valueOf(first)),
                        HostileInput.Expected.error(-32601, IntNode.valueOf(second)), HostileInput.Expected.error(-32600, NULL_ID))));
        add("batch", "only notifications", "[{\"jsonrpc\":\"2.0\",\"method\":\"session/cancel\",\"params\":{\"sessionId\":\"x\"}},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"_vendor/x\"}]", HostileInput.Expected.nothing());
        StringBuilder many = new StringBuilder("[");
        List<HostileInput.Expected> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int id = ids.incrementAndGet();
            many.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(id).append(",\"method\":\"no/such\"}");
            answers.add(HostileInput.Expected.error(-32601, IntNode.valueOf(id)));
        }
        add("batch", "500 unknown methods", many.append(']').toString(), new HostileInput.Expected.Batch(answers));
        parseError("batch", "truncated", "[" + initialize(1) + ",");
    }

    private void unknownFields() {
        int id = ids.incrementAndGet();
        add("unknown fields", "in the envelope", "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"extra\":[1,{}],"
                + "\"params\":" + INIT_PARAMS + "}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("unknown fields", "in params and nested capabilities", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"future\":true,"
                + "\"clientCapabilities\":{\"fs\":{\"readTextFile\":true,\"watch\":{}},\"hologram\":1}}}",
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("unknown fields", "a request with result and error fields too", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"result\":{},\"error\":{},\"params\":" + INIT_PARAMS + "}",
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
        add("unknown fields", "a notification of an unknown extension method",
                "{\"jsonrpc\":\"2.0\",\"method\":\"_zed/telemetry\",\"params\":{\"x\":[1,2,3]}}", HostileInput.Expected.nothing());
        add("unknown fields", "a notification of an unknown method", "{\"jsonrpc\":\"2.0\",\"method\":\"session/hologram\"}",
                HostileInput.Expected.nothing());
    }

    private void strayMessages() {
        add("stray", "a result for a request never sent", "{\"jsonrpc\":\"2.0\",\"id\":424242,\"result\":{}}",
                HostileInput.Expected.nothing());
        add("stray", "an error for a request never sent", "{\"jsonrpc\":\"2.0\",\"id\":424243,\"error\":{\"code\":-1,\"message\":\"x\"}}",
                HostileInput.Expected.nothing());
        add("stray", "an error that is not an object", "{\"jsonrpc\":\"2.0\",\"id\":424244,\"error\":5}",
                HostileInput.Expected.nothing());
        add("stray", "a result with a string id", "{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"result\":null}",
                HostileInput.Expected.nothing());
        add("stray", "cancel a request that does not exist", "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancel_request\","
                + "\"params\":{\"requestId\":\"nope\"}}", HostileInput.Expected.nothing());
        add("stray", "cancel without params", "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancel_request\"}",
                HostileInput.Expected.nothing());
    }

    private void whitespace() {
        add("whitespace", "spaces only", "     ", HostileInput.Expected.nothing());
        add("whitespace", "a carriage return only", "\r", HostileInput.Expected.nothing());
        add("whitespace", "tabs only", "\t\t", HostileInput.Expected.nothing());
        int id = ids.incrementAndGet();
        add("whitespace", "CRLF line end", initialize(id) + "\r", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("whitespace", "leading and inner whitespace", " \t{ \"jsonrpc\" : \"2.0\" ,\t\"id\" : " + id
                + " , \"method\" : \"initialize\" , \"params\" : " + INIT_PARAMS + " } ",
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
        parseError("whitespace", "a form feed", "\f");
        parseError("whitespace", "a vertical tab before the message", "\u000B" + initialize(1));
        id = ids.incrementAndGet();
        add("whitespace", "a UTF-8 byte-order mark before the message",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(initialize(id))),
                new HostileInput.Expected.Result(IntNode.valueOf(id)));
    }

    private void bigLines() {
        parseError("big lines", "10 MiB of garbage", "x".repeat(TEN_MIB));
        parseError("big lines", "10 MiB of open brackets", "[".repeat(TEN_MIB));
        int id = ids.incrementAndGet();
        add("big lines", "a request padded with 10 MiB of spaces", "{\"jsonrpc\":\"2.0\"," + " ".repeat(TEN_MIB) + "\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        add("big lines", "a notification padded with 10 MiB of tabs", "{\"jsonrpc\":\"2.0\",\"method\":\"_x/pad\"" + "\t".repeat(TEN_MIB)
                + "}", HostileInput.Expected.nothing());
    }

    /** Lines holding one 10 MiB string: Jackson needs several times that in heap to read them. */
    List<HostileInput> tenMiBStrings() {
        cases.clear();
        int id = ids.incrementAndGet();
        add("10 MiB strings", "a 10 MiB _meta string", "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1,\"_meta\":{\"blob\":\"" + "a".repeat(TEN_MIB)
                + "\"}}}", new HostileInput.Expected.Result(IntNode.valueOf(id)));
        id = ids.incrementAndGet();
        add("10 MiB strings", "a 10 MiB method name", "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\""
                + "m".repeat(TEN_MIB) + "\"}", new HostileInput.Expected.Error(-32601, IntNode.valueOf(id),
                "Method not found: " + "m".repeat(64) + "…"));
        add("10 MiB strings", "a 10 MiB notification", "{\"jsonrpc\":\"2.0\",\"method\":\"_x/blob\",\"params\":{\"b\":\""
                + "b".repeat(TEN_MIB) + "\"}}", HostileInput.Expected.nothing());
        id = ids.incrementAndGet();
        add("10 MiB strings", "a 10 MiB id", "{\"jsonrpc\":\"2.0\",\"id\":\"" + "i".repeat(TEN_MIB)
                + "\",\"method\":\"no/such\"}", HostileInput.Expected.error(-32601, TextNode.valueOf("i".repeat(TEN_MIB))));
        return List.copyOf(cases);
    }

    static String initialize(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":" + INIT_PARAMS + "}";
    }

    private void parseError(String category, String name, String line) {
        add(category, name, line, HostileInput.Expected.error(-32700, NULL_ID));
    }

    private void add(String category, String name, String line, HostileInput.Expected expected) {
        cases.add(HostileInput.of(category, name, line, expected));
    }

    private void add(String category, String name, byte[] line, HostileInput.Expected expected) {
        cases.add(new HostileInput(category, name, line, expected));
    }

    private static JsonNode json(String text) {
        try {
            return AgentProcess.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X ", b));
        }
        return sb.toString().trim();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
    }
}
