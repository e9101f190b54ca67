package dev.acp4j.examples.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weather agent as an editor runs it: a subprocess speaking ACP over stdio, with a fresh HOME.
 * Built against the acp4j artifacts alone, this is what catches a consumer-POM mistake.
 */
class WeatherAgentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "wx-0123456789abcdefXYZ";
    private static final String BUILTIN_KEY = "sk-builtin-0123456789abcdef";

    @TempDir
    Path home;

    private final List<Agent> agents = new ArrayList<>();

    @AfterEach
    void stop() {
        agents.forEach(a -> a.process.destroyForcibly());
    }

    @Test
    void signsInOnTheKeyPageAndStreamsAForecast() throws Exception {
        Agent agent = start("dev.acp4j.examples.weather.WeatherAgent");
        JsonNode init = agent.call("initialize", Map.of("protocolVersion", 1,
                "clientCapabilities", Map.of("elicitation", Map.of("url", Map.of()))));
        assertEquals("weather-agent", init.at("/result/agentInfo/name").asText(), init.toString());
        assertEquals("weather-key-page", init.at("/result/authMethods/0/id").asText());

        JsonNode gated = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertEquals(-32000, gated.at("/error/code").asInt(), gated.toString());

        long auth = agent.send("authenticate", Map.of("methodId", "weather-key-page"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()));
        assertTrue(elicitation.at("/params/message").asText().startsWith("Weather Agent needs an API key"));
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));
        pasteKey(URI.create(elicitation.at("/params/url").asText()), KEY);
        agent.await(m -> "elicitation/complete".equals(m.path("method").asText()));
        JsonNode authenticated = agent.await(response(auth));
        assertTrue(authenticated.get("result").isObject(), authenticated.toString());

        String session = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()))
                .at("/result/sessionId").asText();
        long prompt = agent.send("session/prompt", Map.of("sessionId", session,
                "prompt", List.of(Map.of("type", "text", "text", "What is the weather in Paris?"))));
        StringBuilder streamed = new StringBuilder();
        int chunks = 0;
        JsonNode answer;
        while (!(answer = agent.next()).path("id").isNumber() || answer.has("method")) {
            if ("agent_message_chunk".equals(answer.at("/params/update/sessionUpdate").asText())) {
                streamed.append(answer.at("/params/update/content/text").asText());
                chunks++;
            }
        }
        assertEquals(prompt, answer.get("id").asLong());
        assertEquals("end_turn", answer.at("/result/stopReason").asText(), answer.toString());
        assertEquals("Paris: light rain in the morning, clearing by noon, 14 °C.", streamed.toString());
        assertEquals(3, chunks, "streamed in parts");
        assertTrue(Files.readString(credentials("weather-agent")).contains(KEY));
        agent.closeAndWait(0);
    }

    @Test
    void terminalLoginStatusAndALogoutThatLeavesAnotherAgentsKey() throws Exception {
        Agent login = start("dev.acp4j.examples.weather.WeatherAgent", "--login", "weather-key-page");
        login.stdin.write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        login.closeAndWait(0);
        assertTrue(Files.readString(credentials("weather-agent")).contains(KEY));

        Agent builtin = start("dev.acp4j.cli.Main", "--login", "acp4j-key-page");
        builtin.stdin.write((BUILTIN_KEY + "\n").getBytes(StandardCharsets.UTF_8));
        builtin.closeAndWait(0);

        Agent status = start("dev.acp4j.examples.weather.WeatherAgent", "--status");
        status.closeAndWait(0);
        String table = String.join("\n", status.stdoutLines());
        assertTrue(table.matches("(?s).*weather +API key +stored \\(weather-key-page\\).*"), table);
        assertFalse(table.contains(KEY), "never a secret");

        Agent agent = start("dev.acp4j.examples.weather.WeatherAgent");
        agent.call("initialize", Map.of("protocolVersion", 1, "clientCapabilities", Map.of()));
        assertTrue(agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of())).has("result"),
                "the stored key counts");
        assertTrue(agent.call("logout", Map.of()).get("result").isObject());
        agent.closeAndWait(0);
        assertFalse(Files.readString(credentials("weather-agent")).contains(KEY));
        assertTrue(Files.readString(credentials("acp4j")).contains(BUILTIN_KEY), "the built-in agent's key stays");
    }

    private Path credentials(String agent) {
        return home.resolve(".config").resolve(agent).resolve("credentials.json");
    }

    private Agent start(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(k -> k.startsWith("ACP4J_") || k.equals("XDG_CONFIG_HOME")
                || k.equals("WEATHER_API_KEY"));
        builder.environment().put("HOME", home.toString());
        Agent agent = new Agent(builder.start());
        agents.add(agent);
        return agent;
    }

    /** What the user does in the browser: open the page and submit the key with the form's token and cookie. */
    private static void pasteKey(URI page, String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(csrf.find(), form.body());
        String cookie = form.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", page.getScheme() + "://" + page.getAuthority())
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&key="
                        + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode(), done.body());
    }

    private static Predicate<JsonNode> response(long id) {
        return m -> m.path("id").isNumber() && m.get("id").asLong() == id && !m.has("method");
    }

    /** One agent subprocess: JSON-RPC lines in and out; every stdout line must be JSON. */
    private static final class Agent {
        final Process process;
        final OutputStream stdin;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> all = new ArrayList<>();
        private final List<JsonNode> skipped = new ArrayList<>();
        private long nextId = 1;

        Agent(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        synchronized (all) {
                            all.add(line);
                        }
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            pump.setDaemon(true);
            pump.start();
        }

        long send(String method, Object params) throws IOException {
            long id = nextId++;
            write(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
            return id;
        }

        JsonNode call(String method, Object params) throws Exception {
            return await(response(send(method, params)));
        }

        void respond(JsonNode id, Object result) throws IOException {
            write(Map.of("jsonrpc", "2.0", "id", id, "result", result));
        }

        JsonNode await(Predicate<JsonNode> test) throws Exception {
            for (JsonNode m : skipped) {
                if (test.test(m)) {
                    skipped.remove(m);
                    return m;
                }
            }
            while (true) {
                JsonNode m = next();
                if (test.test(m)) {
                    return m;
                }
                skipped.add(m);
            }
        }

        JsonNode next() throws Exception {
            String line = lines.poll(20, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no message from the agent within 20 s");
            }
            return JSON.readTree(line);
        }

        List<String> stdoutLines() {
            synchronized (all) {
                return List.copyOf(all);
            }
        }

        void closeAndWait(int expectedExit) throws Exception {
            stdin.close();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exits once stdin ends");
            assertEquals(expectedExit, process.exitValue());
        }

        private void write(Object message) throws IOException {
            stdin.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }
    }
}
