package bench;

import com.agentclientprotocol.sdk.agent.AcpAgent;
import com.agentclientprotocol.sdk.agent.transport.StdioAcpAgentTransport;
import com.agentclientprotocol.sdk.spec.AcpSchema.InitializeResponse;
import com.agentclientprotocol.sdk.spec.AcpSchema.NewSessionResponse;
import com.agentclientprotocol.sdk.spec.AcpSchema.PromptResponse;
import java.util.UUID;

/**
 * The benchmark's reference agent on the official ACP Java SDK: echoes a prompt back as one
 * {@code agent_message_chunk}, or streams N chunks back to back for {@code /stream N}.
 */
public final class EchoAgent {

    public static void main(String[] args) {
        AcpAgent.sync(new StdioAcpAgentTransport())
                .initializeHandler(request -> InitializeResponse.ok())
                .newSessionHandler(request -> new NewSessionResponse(UUID.randomUUID().toString(), null, null))
                .promptHandler((request, context) -> {
                    String text = request.text().strip();
                    if (text.startsWith("/stream ")) {
                        int count = Integer.parseInt(text.substring("/stream ".length()).strip());
                        for (int i = 1; i <= count; i++) {
                            context.sendMessage("chunk " + i + "/" + count + "\n");
                        }
                    } else {
                        context.sendMessage(text);
                    }
                    return PromptResponse.endTurn();
                })
                .build()
                .run();
    }
}
