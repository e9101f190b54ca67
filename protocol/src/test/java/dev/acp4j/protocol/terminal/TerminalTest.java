package dev.acp4j.protocol.terminal;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.protocol.mcp.EnvVariable;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void createRoundTrips() {
        assertThat(assertRoundTrip("""
                {"sessionId":"s","command":"npm","args":["test"],"env":[{"name":"CI","value":"1"}],"cwd":"/p",
                 "outputByteLimit":1048576}""", CreateTerminalRequest.class))
                .isEqualTo(new CreateTerminalRequest("s", "npm", List.of("test"), List.of(EnvVariable.of("CI", "1")),
                        "/p", 1_048_576L, null));
        assertThat(tree(CreateTerminalResponse.of("term-1"))).isEqualTo(parse("{\"terminalId\":\"term-1\"}"));
    }

    @Test
    void outputBeforeAndAfterExit() {
        assertThat(assertRoundTrip("{\"output\":\"building\",\"truncated\":false}", TerminalOutputResponse.class)
                .exitStatus()).isNull();
        assertThat(assertRoundTrip("{\"output\":\"done\",\"truncated\":true,\"exitStatus\":{\"exitCode\":1}}",
                TerminalOutputResponse.class).exitStatus()).isEqualTo(new TerminalExitStatus(1, null, null));
    }

    @Test
    void waitForExitReportsCodeOrSignal() {
        assertThat(assertRoundTrip("{\"exitCode\":0}", WaitForTerminalExitResponse.class))
                .isEqualTo(new WaitForTerminalExitResponse(0, null, null));
        assertThat(assertRoundTrip("{\"signal\":\"SIGKILL\"}", WaitForTerminalExitResponse.class))
                .isEqualTo(new WaitForTerminalExitResponse(null, "SIGKILL", null));
    }

    @Test
    void terminalIdRequestsShareTheirShape() {
        String json = "{\"sessionId\":\"s\",\"terminalId\":\"t\"}";
        assertThat(assertRoundTrip(json, TerminalOutputRequest.class)).isEqualTo(TerminalOutputRequest.of("s", "t"));
        assertThat(assertRoundTrip(json, ReleaseTerminalRequest.class)).isEqualTo(ReleaseTerminalRequest.of("s", "t"));
        assertThat(assertRoundTrip(json, WaitForTerminalExitRequest.class))
                .isEqualTo(WaitForTerminalExitRequest.of("s", "t"));
        assertThat(assertRoundTrip(json, KillTerminalRequest.class)).isEqualTo(KillTerminalRequest.of("s", "t"));
        assertThat(tree(ReleaseTerminalResponse.empty())).isEqualTo(parse("{}"));
        assertThat(tree(KillTerminalResponse.empty())).isEqualTo(parse("{}"));
    }
}
