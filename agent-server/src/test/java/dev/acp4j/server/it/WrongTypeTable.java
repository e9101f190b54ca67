package dev.acp4j.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong types for every field of every method acp4j serves: for each method a valid
 * baseline (sent too, as the control: it must not get -32602), then, field by field, each
 * value of a wrong JSON type (and null where the field is required). A request gets -32602
 * naming the field; a notification ({@code session/cancel}, {@code $/cancel_request}) no answer.
 */
final class WrongTypeTable {

    enum Kind { STRING, INTEGER, BOOLEAN, OBJECT, ARRAY, ID }

    private record Field(String pointer, Kind kind, boolean required) {
        String name() {
            String[] parts = pointer.split("/");
            for (int i = parts.length - 1; i > 0; i--) {
                if (!parts[i].chars().allMatch(Character::isDigit)) {
                    return parts[i];
                }
            }
            return pointer;
        }
    }

    /** A method, its valid params, the answer those get, and the fields to break. */
    private record Method(String name, String baseline, boolean notification, BaselineAnswer answer, List<Field> fields) {
    }

    private enum BaselineAnswer { RESULT, RESOURCE_NOT_FOUND, NOTHING }

    private static final String CATEGORY = "wrong type";

    private final AtomicInteger ids;

    WrongTypeTable(AtomicInteger ids) {
        this.ids = ids;
    }

    /** @param authMethodId an auth method that answers {} at once */
    List<HostileInput> cases(String cwd, String sessionId, String authMethodId) {
        List<HostileInput> cases = new ArrayList<>();
        for (Method method : methods(cwd, sessionId, authMethodId)) {
            JsonNode baseline = parse(method.baseline());
            cases.add(line(method, "baseline", baseline, null));
            for (Field field : method.fields()) {
                List<JsonNode> wrong = new ArrayList<>(wrongValues(field.kind()));
                if (field.required()) {
                    wrong.add(NullNode.getInstance());
                }
                for (JsonNode value : wrong) {
                    JsonNode params = baseline.deepCopy();
                    replace(params, field.pointer(), value);
                    cases.add(line(method, field.pointer() + " = " + value, params, field));
                }
            }
        }
        return cases;
    }

    /** @param broken the field given a wrong value, or null for the baseline */
    private HostileInput line(Method method, String name, JsonNode params, Field broken) {
        int id = ids.incrementAndGet();
        ObjectNode message = AgentProcess.JSON.createObjectNode().put("jsonrpc", "2.0");
        if (!method.notification()) {
            message.put("id", id);
        }
        message.put("method", method.name()).set("params", params);
        JsonNode echoed = IntNode.valueOf(id);
        HostileInput.Expected expected;
        if (method.notification()) {
            expected = HostileInput.Expected.nothing();
        } else if (broken != null) {
            expected = new HostileInput.Expected.Error(-32602, echoed, broken.name());
        } else {
            expected = method.answer() == BaselineAnswer.RESULT ? new HostileInput.Expected.Result(echoed)
                    : HostileInput.Expected.error(-32002, echoed);
        }
        return HostileInput.of(CATEGORY, method.name() + " " + name, message.toString(), expected);
    }

    private static List<Method> methods(String cwd, String sessionId, String authMethodId) {
        String cwdJson = TextNode.valueOf(cwd).toString();
        String sessionJson = TextNode.valueOf(sessionId).toString();
        return List.of(
                new Method("initialize", """
                        {"protocolVersion":1,
                         "clientCapabilities":{"fs":{"readTextFile":true,"writeTextFile":true},"terminal":true,
                           "auth":{"terminal":true},"elicitation":{"url":{}},"_meta":{}},
                         "clientInfo":{"name":"hostile","title":"Hostile client","version":"1.0"},"_meta":{}}""",
                        false, BaselineAnswer.RESULT, List.of(
                        new Field("/protocolVersion", Kind.INTEGER, true),
                        new Field("/clientCapabilities", Kind.OBJECT, false),
                        new Field("/clientCapabilities/fs", Kind.OBJECT, false),
                        new Field("/clientCapabilities/fs/readTextFile", Kind.BOOLEAN, false),
                        new Field("/clientCapabilities/fs/writeTextFile", Kind.BOOLEAN, false),
                        new Field("/clientCapabilities/terminal", Kind.BOOLEAN, false),
                        new Field("/clientCapabilities/auth", Kind.OBJECT, false),
                        new Field("/clientCapabilities/auth/terminal", Kind.BOOLEAN, false),
                        new Field("/clientCapabilities/elicitation", Kind.OBJECT, false),
                        new Field("/clientCapabilities/elicitation/url", Kind.OBJECT, false),
                        new Field("/clientCapabilities/_meta", Kind.OBJECT, false),
                        new Field("/clientInfo", Kind.OBJECT, false),
                        new Field("/clientInfo/name", Kind.STRING, true),
                        new Field("/clientInfo/title", Kind.STRING, false),
                        new Field("/clientInfo/version", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("authenticate", "{\"methodId\":\"" + authMethodId + "\",\"_meta\":{}}",
                        false, BaselineAnswer.RESULT, List.of(
                        new Field("/methodId", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/new", "{\"cwd\":" + cwdJson + """
                        ,"additionalDirectories":[],
                         "mcpServers":[{"name":"tools","command":"/bin/true","args":["--stdio"],
                                        "env":[{"name":"MODE","value":"test"}]},
                                       {"type":"http","name":"web","url":"http://127.0.0.1:9/mcp",
                                        "headers":[{"name":"X-Test","value":"1"}]}],
                         "_meta":{}}""", false, BaselineAnswer.RESULT, List.of(
                        new Field("/cwd", Kind.STRING, true),
                        new Field("/additionalDirectories", Kind.ARRAY, false),
                        new Field("/mcpServers", Kind.ARRAY, true),
                        new Field("/mcpServers/0", Kind.OBJECT, false),
                        new Field("/mcpServers/0/name", Kind.STRING, true),
                        new Field("/mcpServers/0/command", Kind.STRING, true),
                        new Field("/mcpServers/0/args", Kind.ARRAY, true),
                        new Field("/mcpServers/0/args/0", Kind.STRING, false),
                        new Field("/mcpServers/0/env", Kind.ARRAY, true),
                        new Field("/mcpServers/0/env/0/name", Kind.STRING, true),
                        new Field("/mcpServers/0/env/0/value", Kind.STRING, true),
                        new Field("/mcpServers/1/url", Kind.STRING, true),
                        new Field("/mcpServers/1/headers", Kind.ARRAY, true),
                        new Field("/mcpServers/1/headers/0/name", Kind.STRING, true),
                        new Field("/mcpServers/1/headers/0/value", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/load", "{\"sessionId\":" + sessionJson + ",\"cwd\":" + cwdJson
                        + ",\"mcpServers\":[],\"_meta\":{}}", false, BaselineAnswer.RESULT, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/cwd", Kind.STRING, true),
                        new Field("/mcpServers", Kind.ARRAY, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/prompt", "{\"sessionId\":" + sessionJson + """
                        ,"prompt":[{"type":"text","text":"/echo hostile"},
                                   {"type":"resource_link","name":"notes","uri":"file:///tmp/notes.txt"}],
                         "_meta":{}}""", false, BaselineAnswer.RESULT, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/prompt", Kind.ARRAY, true),
                        new Field("/prompt/0", Kind.OBJECT, false),
                        new Field("/prompt/0/text", Kind.STRING, true),
                        new Field("/prompt/1/name", Kind.STRING, true),
                        new Field("/prompt/1/uri", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/cancel", "{\"sessionId\":\"no-such-session\",\"_meta\":{}}",
                        true, BaselineAnswer.NOTHING, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("$/cancel_request", "{\"requestId\":987654}", true, BaselineAnswer.NOTHING, List.of(
                        new Field("/requestId", Kind.ID, true))),
                new Method("session/list", "{\"cwd\":" + cwdJson + ",\"_meta\":{}}", false, BaselineAnswer.RESULT, List.of(
                        new Field("/cwd", Kind.STRING, false),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/resume", "{\"sessionId\":" + sessionJson + ",\"cwd\":" + cwdJson
                        + ",\"mcpServers\":[],\"_meta\":{}}", false, BaselineAnswer.RESULT, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/cwd", Kind.STRING, true),
                        new Field("/mcpServers", Kind.ARRAY, false),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/set_mode", "{\"sessionId\":" + sessionJson + ",\"modeId\":\"code\",\"_meta\":{}}",
                        false, BaselineAnswer.RESULT, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/modeId", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/set_config_option", "{\"sessionId\":" + sessionJson
                        + ",\"configId\":\"model\",\"value\":\"acp4j-max\",\"_meta\":{}}", false, BaselineAnswer.RESULT, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/configId", Kind.STRING, true),
                        new Field("/value", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/close", "{\"sessionId\":\"no-such-session\",\"_meta\":{}}",
                        false, BaselineAnswer.RESOURCE_NOT_FOUND, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                new Method("session/delete", "{\"sessionId\":\"no-such-session\",\"_meta\":{}}",
                        false, BaselineAnswer.RESOURCE_NOT_FOUND, List.of(
                        new Field("/sessionId", Kind.STRING, true),
                        new Field("/_meta", Kind.OBJECT, false))),
                // Last: its baseline signs out (the environment key stops counting).
                new Method("logout", "{\"_meta\":{}}", false, BaselineAnswer.RESULT, List.of(
                        new Field("/_meta", Kind.OBJECT, false))));
    }

    private static List<JsonNode> wrongValues(Kind kind) {
        List<String> values = switch (kind) {
            case STRING -> List.of("42", "true", "{}", "[]", "1.5");
            case INTEGER -> List.of("\"1\"", "true", "{}", "[]", "1.5", "99999999999");
            case BOOLEAN -> List.of("\"true\"", "1", "0", "{}", "[]");
            case OBJECT -> List.of("\"x\"", "1", "true", "[]");
            case ARRAY -> List.of("\"x\"", "1", "true", "{}");
            case ID -> List.of("{}", "[]", "true", "1.5");
        };
        return values.stream().map(WrongTypeTable::parse).toList();
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            throw new IllegalArgumentException("no parent for " + pointer);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return AgentProcess.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
