package dev.acp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The client's side of a server served over in-process pipes, for tests that read its raw lines. */
final class InProcessClient {

    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\":\"([^\"]+)\"");

    private InProcessClient() {
    }

    static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@code initialize} (id 0), then {@code session/new} (id 1) in {@code /tmp}; returns the session id. */
    static String openSession(OutputStream toAgent, BufferedReader fromAgent) throws IOException {
        send(toAgent, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}");
        assertThat(fromAgent.readLine()).contains("\"id\":0,\"result\"");
        send(toAgent, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session/new\",\"params\":{\"cwd\":\"/tmp\",\"mcpServers\":[]}}");
        String created = fromAgent.readLine();
        Matcher id = SESSION_ID.matcher(created);
        assertThat(id.find()).as(created).isTrue();
        return id.group(1);
    }
}
