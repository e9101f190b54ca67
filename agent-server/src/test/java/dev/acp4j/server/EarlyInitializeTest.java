package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.LoginCommand;
import dev.acp4j.jsonrpc.TraceSink;
import dev.acp4j.server.config.ConfigLoader;
import dev.acp4j.server.config.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launch's first {@code initialize} answered before the connection exists gives the client
 * exactly the bytes the connection gives it (and the trace the same lines), for every first line
 * and configuration; a line the early path does not take is left whole to the connection.
 */
class EarlyInitializeTest {

    private static final String ALL_METHODS = """
            {"authMethods": [
              {"id": "wx-page", "type": "api_key_page", "name": "Enter a Weather API key", "provider": "weather",
               "providerName": "Weather Service", "description": "A local page"},
              {"id": "wx-env", "type": "env_var", "name": "Weather key from the environment", "provider": "weather",
               "vars": [{"name": "WEATHER_API_KEY", "label": "API key"}], "link": "https://example.com/keys"},
              {"id": "wx-file", "type": "start_param", "name": "Weather key file", "provider": "weather",
               "params": [{"name": "--weather-key-file", "label": "Weather key file"}]},
              {"id": "wx-terminal", "type": "terminal", "name": "Log in from a terminal", "args": ["--device"],
               "env": {"WX_MODE": "terminal", "LANG": "C.UTF-8"}},
              {"id": "wx-oauth", "type": "oauth2", "name": "Sign in \\"now\\" \u00e9\u4e2d\ud83d\ude00", "issuer": "https://auth.example.com",
               "clientId": "weather-cli", "scopes": ["forecast"]}
            ], "elicitationTimeoutSeconds": 90}""";

    /** First lines the early path answers. */
    private static final List<String> PLAIN = List.of(
            init("0", "{\"protocolVersion\":1,\"clientCapabilities\":{}}"),
            init("1", "{\"protocolVersion\":1}"),
            init("\"zed-1\"", "{\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":{\"readTextFile\":true,"
                    + "\"writeTextFile\":true},\"terminal\":true,\"_meta\":{\"terminal-auth\":true}},"
                    + "\"clientInfo\":{\"name\":\"zed\",\"title\":\"Zed\",\"version\":\"0.200.0\"}}"),
            init("9007199254740993", "{\"protocolVersion\":1,\"clientCapabilities\":{\"auth\":{\"terminal\":true},"
                    + "\"elicitation\":{\"form\":{},\"url\":{}},\"session\":{\"configOptions\":{\"boolean\":{}}},"
                    + "\"_meta\":{\"terminal-auth\":true,\"x\":[1,\"two\",{\"three\":false}]}}}"),
            init("-7", "{\"protocolVersion\":2,\"clientCapabilities\":{\"_meta\":{\"terminal-auth\":false}},\"unknown\":[1,2]}"),
            init("\"\u00e9\\n\\u2028\"", "{\"protocolVersion\":1,\"clientCapabilities\":{\"fs\":null},\"_meta\":{\"a\":\"b\"}}"),
            "  {\"method\":\"initialize\",\"params\":{\"protocolVersion\":1},\"id\":3,\"jsonrpc\":\"2.0\"}\r");

    /** First lines left to the connection: unusual in some way, or needing the mapper. */
    private static final List<String> UNUSUAL = List.of(
            init("4", "{\"protocolVersion\":1,\"clientCapabilities\":{\"_meta\":{\"terminal-auth\":true,\"f\":1.5}}}"),
            init("5", "{\"protocolVersion\":1,\"clientCapabilities\":{\"_meta\":{\"n\":null}}}"),
            init("6", "{\"protocolVersion\":\"1\"}"),
            init("7", "{\"protocolVersion\":1,\"clientCapabilities\":{\"terminal\":\"yes\"}}"),
            init("null", "{\"protocolVersion\":1}"),
            init("1.0", "{\"protocolVersion\":1}"),
            init("true", "{\"protocolVersion\":1}"),
            init("123456789012345678901234567890", "{\"protocolVersion\":1}"),
            init("8", "[]"),
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"initialize\"}",
            init("10", "{\"protocolVersion\":1}") + " x",
            "{\"jsonrpc\":\"2.0\",\"id\":11,\"id\":12,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}",
            "{\"jsonrpc\":\"1.0\",\"id\":13,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}",
            "{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"authenticate/nothing\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}",
            "",
            "not json",
            init("15", "{\"protocolVersion\":1,\"_meta\":{\"big\":\"" + "x".repeat(70_000) + "\"}}"));

    private static final String SECOND = init("100", "{\"protocolVersion\":1,\"clientCapabilities\":{}}")
            + "\n{\"jsonrpc\":\"2.0\",\"id\":101,\"method\":\"no/such\"}\n";

    @TempDir
    Path home;

    @Test
    void everyAnswerIsByteForByteTheConnectionsForEveryConfiguration() throws Exception {
        List<ServerConfig> configs = List.of(
                new ConfigLoader().parse("empty", "{}".getBytes(StandardCharsets.UTF_8)),
                new ConfigLoader().loadDefault(),
                new ConfigLoader().parse("all", ALL_METHODS.getBytes(StandardCharsets.UTF_8)));
        List<LoginCommand> logins = new ArrayList<>();
        logins.add(null);
        logins.add(new LoginCommand(Path.of("/opt/weather/bin/weather"), List.of("--config", "/etc/wx.json"),
                Map.of("XDG_CONFIG_HOME", "/home/u/.config")));
        int compared = 0;
        for (ServerConfig config : configs) {
            for (LoginCommand login : logins) {
                for (String first : concat(PLAIN, UNUSUAL)) {
                    for (String input : List.of(first + "\n", first + "\n" + SECOND, first)) {
                        Served early = serve(config, login, input, true, Integer.MAX_VALUE);
                        Served connection = serve(config, login, input, false, Integer.MAX_VALUE);
                        assertThat(new String(early.stdout, StandardCharsets.UTF_8)).as(input)
                                .isEqualTo(new String(connection.stdout, StandardCharsets.UTF_8));
                        assertThat(early.stdout).as(input).isEqualTo(connection.stdout);
                        assertThat(early.trace).as(input).isEqualTo(connection.trace);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(3 * 2 * (PLAIN.size() + UNUSUAL.size()) * 3);
    }

    @Test
    void aLineOverTheConnectionsLimitIsTheConnectionsToRefuse() throws Exception {
        ServerConfig config = new ConfigLoader().loadDefault();
        String input = PLAIN.get(2) + "\n" + SECOND;
        Served early = serve(config, null, input, true, 100);
        assertThat(new String(early.stdout, StandardCharsets.UTF_8)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600");
        assertThat(early.stdout).isEqualTo(serve(config, null, input, false, 100).stdout);
    }

    @Test
    void theEarlyPathAnswersPlainInitializeRequestsAndLeavesTheRestWhole() throws Exception {
        ServerConfig config = new ConfigLoader().parse("all", ALL_METHODS.getBytes(StandardCharsets.UTF_8));
        for (String first : PLAIN) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream rest = EarlyInitialize.answerFirstLine(initialization(config, null), input(first + "\n" + SECOND),
                    out, Integer.MAX_VALUE, TraceSink.NONE, null);
            assertThat(out.toString(StandardCharsets.UTF_8)).as(first).contains("\"result\":{\"protocolVersion\":1,").endsWith("}\n");
            assertThat(rest.readAllBytes()).as(first).isEqualTo(SECOND.getBytes(StandardCharsets.UTF_8));
        }
        for (String first : UNUSUAL) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] whole = (first + "\n" + SECOND).getBytes(StandardCharsets.UTF_8);
            InputStream rest = EarlyInitialize.answerFirstLine(initialization(config, null), new ByteArrayInputStream(whole),
                    out, Integer.MAX_VALUE, TraceSink.NONE, null);
            assertThat(out.size()).as(first).isZero();
            assertThat(rest.readAllBytes()).as(first).isEqualTo(whole);
        }
    }

    private Initialization initialization(ServerConfig config, LoginCommand login) {
        var registry = new dev.acp4j.auth.AuthMethodRegistry(config.authMethods(),
                new dev.acp4j.auth.LaunchEnvironment(Map.of("HOME", home.toString()), Map.of()), login);
        return new Initialization(new ClientState(), dev.acp4j.protocol.initialization.Implementation.of("acp4j", "acp4j", "1.0"),
                registry::advertised, new dev.acp4j.protocol.initialization.PromptCapabilities(false, false, true, null));
    }

    private Served serve(ServerConfig config, LoginCommand login, String input, boolean early, int maxLineBytes) {
        Recording trace = new Recording();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AcpServer.builder()
                .config(config)
                .launch(Map.of("HOME", home.toString(), "WEATHER_API_KEY", "k"), Map.of())
                .loginCommand(login)
                .maxLineBytes(maxLineBytes)
                .trace(trace)
                .earlyInitialize(early)
                .build()
                .serve(input(input), out);
        return new Served(out.toByteArray(), trace.lines);
    }

    /** Hands the bytes over a few at a time, as a pipe may. */
    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 50));
            }
        };
    }

    private static String init(String id, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":" + params + "}";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private record Served(byte[] stdout, List<String> trace) {
    }

    private static final class Recording implements TraceSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void incoming(byte[] line, int length) {
            lines.add("> " + new String(line, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public synchronized void outgoing(byte[] line, int length) {
            lines.add("< " + new String(line, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return String.join("\n", lines);
        }
    }
}
