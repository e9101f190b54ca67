package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.DirectCodec;
import dev.acp4j.protocol.auth.AgentAuthCapabilities;
import dev.acp4j.protocol.auth.AuthCapabilities;
import dev.acp4j.protocol.auth.AuthEnvVar;
import dev.acp4j.protocol.auth.AuthMethod;
import dev.acp4j.protocol.auth.AuthStartParam;
import dev.acp4j.protocol.elicitation.ElicitationCapabilities;
import dev.acp4j.protocol.elicitation.ElicitationFormCapabilities;
import dev.acp4j.protocol.elicitation.ElicitationUrlCapabilities;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads {@code initialize} params and writes its result by hand, producing exactly what Jackson
 * databind would: the first request of every launch then does not wait for databind to introspect
 * the ~25 records involved. Anything but plain valid params is left to databind (which reports
 * the invalid field), and {@code _meta} values go through the mapper, as untyped maps.
 */
public final class InitializeCodec implements DirectCodec {

    /** The only instance. */
    public static final InitializeCodec INSTANCE = new InitializeCodec();

    private static final Unsure UNSURE = new Unsure();

    private InitializeCodec() {
    }

    @Override
    public Object read(JsonNode params, Class<?> type, ObjectMapper mapper) {
        return type == InitializeRequest.class ? readRequest(params, mapper) : null;
    }

    @Override
    public boolean writes(Object result) {
        return result instanceof InitializeResponse;
    }

    @Override
    public void write(JsonGenerator g, Object result) throws IOException {
        writeResponse(g, (InitializeResponse) result);
    }

    /**
     * The bound params, or null when databind must bind them (anything invalid or unusual).
     *
     * @param params the {@code initialize} params
     * @param mapper the mapper used for {@code _meta} values
     * @return the params, or null
     */
    public static InitializeRequest readRequest(JsonNode params, ObjectMapper mapper) {
        try {
            return new Reader(mapper).request(params);
        } catch (Unsure e) {
            return null;
        }
    }

    /**
     * As {@link #readRequest(JsonNode, ObjectMapper)} without a mapper: null also when a {@code _meta}
     * value needs the mapper (a launch's first request, read before the mapper exists).
     *
     * @param params the request's params
     * @return the request, or null when databind must read it
     */
    public static InitializeRequest readRequest(JsonNode params) {
        return readRequest(params, null);
    }

    /**
     * Writes the result as databind would; without a mapper ({@code g} has no codec), fails with
     * {@link IllegalStateException} where a value needs one, a {@code _meta} value of no plain type.
     *
     * @param g the generator positioned where the result value goes
     * @param r the result
     * @throws IOException when the generator fails
     */
    public static void writeResponse(JsonGenerator g, InitializeResponse r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("protocolVersion", r.protocolVersion());
        nested(g, "agentCapabilities", r.agentCapabilities(), InitializeCodec::agentCapabilities);
        if (r.authMethods() != null) {
            g.writeArrayFieldStart("authMethods");
            for (AuthMethod method : r.authMethods()) {
                authMethod(g, method);
            }
            g.writeEndArray();
        }
        nested(g, "agentInfo", r.agentInfo(), InitializeCodec::implementation);
        endWithMeta(g, r.meta());
    }

    private static final class Reader {

        private final ObjectMapper mapper;

        Reader(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        InitializeRequest request(JsonNode n) {
            JsonNode version = n.get("protocolVersion");
            if (version == null || !version.isInt()) {
                throw UNSURE;
            }
            return new InitializeRequest(version.intValue(), object(n, "clientCapabilities", this::clientCapabilities),
                    object(n, "clientInfo", this::implementation), meta(n));
        }

        ClientCapabilities clientCapabilities(JsonNode n) {
            return new ClientCapabilities(
                    object(n, "fs", f -> new FileSystemCapabilities(bool(f, "readTextFile"), bool(f, "writeTextFile"), meta(f))),
                    bool(n, "terminal"),
                    object(n, "session", s -> new ClientSessionCapabilities(
                            object(s, "configOptions", c -> new SessionConfigOptionsCapabilities(
                                    object(c, "boolean", b -> new BooleanConfigOptionCapabilities(meta(b))), meta(c))),
                            meta(s))),
                    object(n, "auth", a -> new AuthCapabilities(bool(a, "terminal"), meta(a))),
                    object(n, "elicitation", e -> new ElicitationCapabilities(
                            object(e, "form", f -> new ElicitationFormCapabilities(meta(f))),
                            object(e, "url", u -> new ElicitationUrlCapabilities(meta(u))), meta(e))),
                    meta(n));
        }

        Implementation implementation(JsonNode n) {
            String name = text(n, "name");
            String version = text(n, "version");
            if (name == null || version == null) {
                throw UNSURE;
            }
            return new Implementation(name, text(n, "title"), version, meta(n));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> meta(JsonNode n) {
            JsonNode meta = present(n, "_meta", JsonNode::isObject);
            if (meta == null) {
                return null;
            }
            Map<String, Object> plain = UntypedValues.read(meta);
            if (plain != null) {
                return plain;
            }
            if (mapper == null) {
                throw UNSURE;
            }
            try {
                return mapper.treeToValue(meta, Map.class);
            } catch (IOException | IllegalArgumentException e) {
                throw UNSURE;
            }
        }

        private static <T> T object(JsonNode n, String field, Function<JsonNode, T> read) {
            JsonNode value = present(n, field, JsonNode::isObject);
            return value == null ? null : read.apply(value);
        }

        private static Boolean bool(JsonNode n, String field) {
            JsonNode value = present(n, field, JsonNode::isBoolean);
            return value == null ? null : value.booleanValue();
        }

        private static String text(JsonNode n, String field) {
            JsonNode value = present(n, field, JsonNode::isTextual);
            return value == null ? null : value.textValue();
        }

        /** The field's value, null when absent or null, and unsure when of another JSON type. */
        private static JsonNode present(JsonNode n, String field, Predicate<JsonNode> ofType) {
            JsonNode value = n.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!ofType.test(value)) {
                throw UNSURE;
            }
            return value;
        }
    }

    private static void agentCapabilities(JsonGenerator g, AgentCapabilities c) throws IOException {
        g.writeStartObject();
        bool(g, "loadSession", c.loadSession());
        nested(g, "promptCapabilities", c.promptCapabilities(), (w, p) -> {
            w.writeStartObject();
            bool(w, "image", p.image());
            bool(w, "audio", p.audio());
            bool(w, "embeddedContext", p.embeddedContext());
            endWithMeta(w, p.meta());
        });
        nested(g, "mcpCapabilities", c.mcpCapabilities(), (w, m) -> {
            w.writeStartObject();
            bool(w, "http", m.http());
            bool(w, "sse", m.sse());
            endWithMeta(w, m.meta());
        });
        nested(g, "sessionCapabilities", c.sessionCapabilities(), InitializeCodec::sessionCapabilities);
        nested(g, "auth", c.auth(), (w, a) -> {
            w.writeStartObject();
            nested(w, "logout", a.logout(), (l, logout) -> metaOnly(l, logout.meta()));
            endWithMeta(w, a.meta());
        });
        endWithMeta(g, c.meta());
    }

    private static void sessionCapabilities(JsonGenerator g, SessionCapabilities s) throws IOException {
        g.writeStartObject();
        nested(g, "list", s.list(), (w, v) -> metaOnly(w, v.meta()));
        nested(g, "delete", s.delete(), (w, v) -> metaOnly(w, v.meta()));
        nested(g, "additionalDirectories", s.additionalDirectories(), (w, v) -> metaOnly(w, v.meta()));
        nested(g, "resume", s.resume(), (w, v) -> metaOnly(w, v.meta()));
        nested(g, "close", s.close(), (w, v) -> metaOnly(w, v.meta()));
        endWithMeta(g, s.meta());
    }

    private static void authMethod(JsonGenerator g, AuthMethod method) throws IOException {
        g.writeStartObject();
        text(g, "id", method.id());
        text(g, "name", method.name());
        text(g, "description", method.description());
        if (method instanceof AuthMethod.Agent agent) {
            endWithMeta(g, agent.meta());
        } else if (method instanceof AuthMethod.Terminal terminal) {
            text(g, "type", terminal.type());
            if (terminal.args() != null) {
                g.writeArrayFieldStart("args");
                for (String arg : terminal.args()) {
                    g.writeString(arg);
                }
                g.writeEndArray();
            }
            if (terminal.env() != null) {
                g.writeFieldName("env");
                if (!UntypedValues.write(g, terminal.env())) {
                    g.writeObject(terminal.env());
                }
            }
            endWithMeta(g, terminal.meta());
        } else if (method instanceof AuthMethod.EnvVar envVar) {
            text(g, "type", envVar.type());
            variables(g, "vars", envVar.vars(), v -> new AuthStartParam(v.name(), v.label(), v.secret(), v.optional(), v.meta()));
            text(g, "link", envVar.link());
            bool(g, "requiresRestart", envVar.requiresRestart());
            endWithMeta(g, envVar.meta());
        } else {
            AuthMethod.StartParam startParam = (AuthMethod.StartParam) method;
            text(g, "type", startParam.type());
            variables(g, "params", startParam.params(), Function.identity());
            text(g, "link", startParam.link());
            bool(g, "requiresRestart", startParam.requiresRestart());
            endWithMeta(g, startParam.meta());
        }
    }

    /** {@link AuthEnvVar} and {@link AuthStartParam} have the same fields; both are written as the latter. */
    private static <T> void variables(JsonGenerator g, String field, List<T> values, Function<T, AuthStartParam> asParam)
            throws IOException {
        if (values == null) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (T value : values) {
            AuthStartParam p = asParam.apply(value);
            g.writeStartObject();
            text(g, "name", p.name());
            text(g, "label", p.label());
            bool(g, "secret", p.secret());
            bool(g, "optional", p.optional());
            endWithMeta(g, p.meta());
        }
        g.writeEndArray();
    }

    private static void implementation(JsonGenerator g, Implementation i) throws IOException {
        g.writeStartObject();
        text(g, "name", i.name());
        text(g, "title", i.title());
        text(g, "version", i.version());
        endWithMeta(g, i.meta());
    }

    private interface Writer<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    private static <T> void nested(JsonGenerator g, String field, T value, Writer<T> writer) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            writer.write(g, value);
        }
    }

    private static void metaOnly(JsonGenerator g, Map<String, Object> meta) throws IOException {
        g.writeStartObject();
        endWithMeta(g, meta);
    }

    private static void endWithMeta(JsonGenerator g, Map<String, Object> meta) throws IOException {
        if (meta != null) {
            g.writeFieldName("_meta");
            if (!UntypedValues.write(g, meta)) {
                g.writeObject(meta);
            }
        }
        g.writeEndObject();
    }

    private static void bool(JsonGenerator g, String field, Boolean value) throws IOException {
        if (value != null) {
            g.writeBooleanField(field, value);
        }
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /** Not a failure: the params are valid or invalid in a way databind describes better. */
    private static final class Unsure extends RuntimeException {
        Unsure() {
            super(null, null, false, false);
        }
    }
}
