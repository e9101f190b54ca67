package dev.acp4j.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostile values (not wrong types: {@link WrongTypeTable} has those) for the session methods
 * of issue 14 and {@code logout}: session ids that are paths, empty, huge or control
 * characters; cwds that are not absolute; cursors the agent never returned; unknown modes,
 * options and values; odd {@code _meta}. Each says its answer: an id the store cannot hold is
 * simply not found (-32002) for load/resume/close/delete and an unknown open session (-32602)
 * for the methods on an open session; a notification is never answered. An id, mode or option
 * the agent does not know is echoed in the error message bounded and escaped (see {@link #shown}).
 */
final class SessionMethodsCorpus {

    private static final List<String> HOSTILE_IDS = List.of(
            "", " ", "\t", ".", "..", "...", "../x", "../../etc/passwd", "/etc/passwd", "a/b", "a\\b", "..\\..\\x",
            "%2e%2e%2fx", "%00", "\u0000", "x\u0000.json", "\n", "a\nb", "\r\n", "CON", "nul", "aux.json", "*", "?", "~",
            "~root", "$HOME", "${HOME}", "`id`", "$(id)", "-rf", "--help", "' OR '1'='1", "<script>alert(1)</script>",
            "\u200b", "\u202e", "\ufeff", "\uffff", "セッション", "😀", "é", "e\u0301", "x".repeat(300), "x".repeat(10_000),
            "sessions", ".json", ".jsonl", "null", "undefined", "0", "-1", "00000000-0000-0000-0000-000000000000",
            "😀".repeat(100), "\u2028", "\u0085", "\u001b[31mred");

    /**
     * How an error message shows the hostile ids that are not shown as sent: the first 64
     * characters and a "…", control and invisible characters escaped, a backslash doubled.
     */
    private static final Map<String, String> SHOWN = Map.ofEntries(
            Map.entry("\t", "\\u0009"), Map.entry("a\\b", "a\\\\b"), Map.entry("..\\..\\x", "..\\\\..\\\\x"),
            Map.entry("\u0000", "\\u0000"), Map.entry("x\u0000.json", "x\\u0000.json"), Map.entry("\n", "\\u000a"),
            Map.entry("a\nb", "a\\u000ab"), Map.entry("\r\n", "\\u000d\\u000a"), Map.entry("\u200b", "\\u200b"),
            Map.entry("\u202e", "\\u202e"), Map.entry("\ufeff", "\\ufeff"), Map.entry("\u2028", "\\u2028"),
            Map.entry("\u0085", "\\u0085"), Map.entry("\u001b[31mred", "\\u001b[31mred"), Map.entry("ask\u0000", "ask\\u0000"),
            Map.entry("model\u0000", "model\\u0000"),
            Map.entry("😀".repeat(100), "😀".repeat(64) + "…"));

    private final AtomicInteger ids;
    private final List<HostileInput> cases = new ArrayList<>();

    SessionMethodsCorpus(AtomicInteger ids) {
        this.ids = ids;
    }

    /** Inputs to send while {@code sessionId} is open in the agent and before any logout. */
    List<HostileInput> cases(String cwd, String sessionId) {
        cases.clear();
        List<String> sessionIds = new ArrayList<>(HOSTILE_IDS);
        sessionIds.addAll(List.of(sessionId.toUpperCase(), sessionId + " ", " " + sessionId, sessionId + ".json",
                sessionId + ".jsonl", sessionId + "/", "../" + sessionId, sessionId + "/../" + sessionId,
                sessionId.substring(1), sessionId + sessionId));
        for (String id : sessionIds) {
            String notFound = "Session " + shown(id) + " not found";
            notFound("session/load", obj().put("sessionId", id).put("cwd", cwd).set("mcpServers", arr()), notFound);
            notFound("session/resume", obj().put("sessionId", id).put("cwd", cwd), notFound);
            notFound("session/close", obj().put("sessionId", id), notFound);
            notFound("session/delete", obj().put("sessionId", id), notFound);
            String unknown = "unknown sessionId '" + shown(id) + "'";
            invalid("session/set_mode", obj().put("sessionId", id).put("modeId", "code"), unknown);
            invalid("session/set_config_option", obj().put("sessionId", id).put("configId", "model")
                    .put("value", "acp4j-max"), unknown);
            ObjectNode prompt = obj().put("sessionId", id);
            prompt.putArray("prompt").addObject().put("type", "text").put("text", "hi");
            invalid("session/prompt", prompt, unknown);
            notification("session/cancel", obj().put("sessionId", id));
        }
        for (String bad : List.of("", "relative", "./here", "../up", "~", "~/project", "file:///tmp", "C:\\Users\\x",
                "\\\\server\\share", "/tmp/\u0000x", "\u0000", " /tmp", "project/", "http://127.0.0.1/x")) {
            invalid("session/load", obj().put("sessionId", sessionId).put("cwd", bad).set("mcpServers", arr()), "cwd");
            invalid("session/resume", obj().put("sessionId", sessionId).put("cwd", bad), "cwd");
            invalid("session/list", obj().put("cwd", bad), "cwd");
            invalid("session/new", obj().put("cwd", bad).set("mcpServers", arr()), "cwd");
        }
        for (String fine : List.of("/", "/" + "a".repeat(5000), "/tmp/../tmp", "/nonexistent/dir", "/tmp/ space ",
                "/tmp/セッション", "//tmp")) {
            result("session/list", obj().put("cwd", fine));
        }
        for (String cursor : List.of("", "bogus", "-1", "null", "eyJ4IjoxfQ==", "eyJvZmZzZXQiOi0xfQ", "AAAA",
                "%", "\u0000", "c".repeat(10_000), "../cursor", "😀")) {
            invalid("session/list", obj().put("cursor", cursor), "cursor");
            invalid("session/list", obj().put("cwd", cwd).put("cursor", cursor), "cursor");
        }
        for (String mode : List.of("", "ASK", "Code", " ask", "ask ", "architect", "ask\u0000", "a".repeat(10_000),
                "モード", "null", "ask,code")) {
            invalid("session/set_mode", obj().put("sessionId", sessionId).put("modeId", mode),
                    "unknown modeId '" + shown(mode) + "'");
        }
        for (String option : List.of("", "MODEL", " model", "model ", "uppercase-not", "nope", "o".repeat(10_000),
                "model\u0000", "__proto__", "constructor")) {
            invalid("session/set_config_option", obj().put("sessionId", sessionId).put("configId", option)
                    .put("value", "acp4j-max"), "unknown configId '" + shown(option) + "'");
        }
        for (String value : List.of("", "gpt-9", "ACP4J-MAX", " acp4j-max", "acp4j-max ", "acp4j-mini,acp4j-max",
                "acp4j-max\u0000", "v".repeat(10_000), "😀")) {
            invalid("session/set_config_option", obj().put("sessionId", sessionId).put("configId", "model")
                    .put("value", value), "model");
        }
        for (JsonNode meta : metas()) {
            result("session/list", obj().set("_meta", meta));
            result("session/set_mode", obj().put("sessionId", sessionId).put("modeId", "ask").set("_meta", meta));
            result("session/set_config_option", obj().put("sessionId", sessionId).put("configId", "model")
                    .put("value", "acp4j-mini").set("_meta", meta));
            result("session/resume", obj().put("sessionId", sessionId).put("cwd", cwd).set("_meta", meta));
            notFound("session/close", obj().put("sessionId", "no-such-session").set("_meta", meta),
                    "Session no-such-session not found");
            notFound("session/delete", obj().put("sessionId", "no-such-session").set("_meta", meta),
                    "Session no-such-session not found");
        }
        return List.copyOf(cases);
    }

    /** {@code logout} with every kind of {@code _meta} object: each signs out (again), with {@code {}}. */
    List<HostileInput> logouts() {
        cases.clear();
        for (JsonNode meta : metas()) {
            result("logout", obj().set("_meta", meta));
        }
        result("logout", obj());
        return List.copyOf(cases);
    }

    private static List<JsonNode> metas() {
        ObjectNode many = obj();
        for (int i = 0; i < 1000; i++) {
            many.put("k" + i, i);
        }
        ObjectNode deep = obj();
        ObjectNode level = deep;
        for (int i = 0; i < 100; i++) {
            level = level.putObject("d");
        }
        return List.of(obj(), obj().put("x", 1), obj().put("", ""), obj().set("__proto__", obj().put("admin", true)),
                obj().put("constructor", "x"), obj().putNull("null"), obj().set("array", arr().add(1).add("two").addNull()),
                obj().put("キー", "値"), obj().put("zed.dev/terminal-auth", true), obj().put("big", "b".repeat(100_000)),
                many, deep);
    }

    /** The id as the error message must show it: as sent, or its first 64 characters and "…", or escaped. */
    private static String shown(String value) {
        if (SHOWN.containsKey(value)) {
            return SHOWN.get(value);
        }
        return value.codePointCount(0, value.length()) > 64 ? value.substring(0, value.offsetByCodePoints(0, 64)) + "…" : value;
    }

    private void notFound(String method, ObjectNode params, String mentions) {
        int id = ids.incrementAndGet();
        add(method, params, id, new HostileInput.Expected.Error(-32002, IntNode.valueOf(id), mentions));
    }

    private void invalid(String method, ObjectNode params, String mentions) {
        int id = ids.incrementAndGet();
        add(method, params, id, new HostileInput.Expected.Error(-32602, IntNode.valueOf(id), mentions));
    }

    private void result(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        add(method, params, id, new HostileInput.Expected.Result(IntNode.valueOf(id)));
    }

    private void notification(String method, ObjectNode params) {
        ObjectNode message = obj().put("jsonrpc", "2.0").put("method", method);
        message.set("params", params);
        cases.add(HostileInput.of("session values", method + " " + abbreviate(params), message.toString(),
                HostileInput.Expected.nothing()));
    }

    private void add(String method, ObjectNode params, int id, HostileInput.Expected expected) {
        ObjectNode message = obj().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", params);
        cases.add(HostileInput.of("session values", method + " " + abbreviate(params), message.toString(), expected));
    }

    private static String abbreviate(JsonNode params) {
        String text = params.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private static ObjectNode obj() {
        return AgentProcess.JSON.createObjectNode();
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode arr() {
        return AgentProcess.JSON.createArrayNode();
    }
}
