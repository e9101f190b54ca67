package dev.acp4j.conformance.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The harness's answers to requests the agent sends to the client, so that an agent never hangs
 * waiting on the harness. The harness advertises no fs/terminal capability, so those get
 * -32601; permission requests get the 'cancelled' outcome; elicitations are declined, except a
 * URL elicitation the harness's scripted browser is to open, which is accepted.
 */
public final class ClientSide {

    private ClientSide() {
    }

    /** The full response line (result or error) for one agent-to-client request. */
    public static ObjectNode answer(JsonNode request) {
        return answer(request, false);
    }

    /** As {@link #answer(JsonNode)}; {@code acceptElicitation} answers elicitation/create with accept. */
    public static ObjectNode answer(JsonNode request, boolean acceptElicitation) {
        ObjectNode response = Json.object();
        response.put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        String method = request.path("method").asText();
        switch (method) {
            case "session/request_permission" -> {
                ObjectNode outcome = Json.object();
                outcome.putObject("outcome").put("outcome", "cancelled");
                response.set("result", outcome);
            }
            case "elicitation/create" -> response.putObject("result")
                    .put("action", acceptElicitation ? "accept" : "decline");
            default -> {
                ObjectNode error = response.putObject("error");
                error.put("code", -32601);
                error.put("message", "Method not found: the conformance harness does not offer " + method);
            }
        }
        return response;
    }
}
