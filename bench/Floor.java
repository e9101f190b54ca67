import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The JVM floor: reads one line and answers it with one JSON-RPC line, nothing else. What any
 * Java agent costs at the least from spawn to its first answer; a column of bench/run.
 */
public final class Floor {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        while (in.readLine() != null) {
            out.print("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocolVersion\":1,\"agentCapabilities\":{},\"authMethods\":[]}}\n");
            out.flush();
        }
    }

    private Floor() {
    }
}
