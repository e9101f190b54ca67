package dev.acp4j.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The streamable-HTTP MCP endpoint of the launcher tests' mock servers: without the bearer it
 * accepts, a 401 whose challenge points to {@code resourceMetadata} (RFC 9728); with it,
 * {@code initialize} and a {@code tools/list} of one tool, 202 for notifications.
 */
final class GuardedMcpEndpoint {

    private GuardedMcpEndpoint() {
    }

    static void handle(HttpExchange exchange, String acceptedBearer, String resourceMetadata, String serverName,
                       String toolName) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + acceptedBearer).equals(authorization)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer resource_metadata=\"" + resourceMetadata + "\"");
            JsonReply.send(exchange, 401, "");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            JsonReply.send(exchange, 405, "");
            return;
        }
        JsonNode request = AgentProcess.JSON.readTree(exchange.getRequestBody());
        if (!request.has("id")) {
            JsonReply.send(exchange, 202, "");
            return;
        }
        ObjectNode answer = AgentProcess.JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", request.get("id"));
        switch (request.path("method").asText()) {
            case "initialize" -> answer.set("result", AgentProcess.JSON.valueToTree(Map.of(
                    "protocolVersion", request.at("/params/protocolVersion").asText(),
                    "capabilities", Map.of("tools", Map.of()),
                    "serverInfo", Map.of("name", serverName, "version", "1.0"))));
            case "tools/list" -> answer.set("result", AgentProcess.JSON.valueToTree(Map.of("tools", List.of(
                    Map.of("name", toolName, "description", "Tells the weather", "inputSchema", Map.of("type", "object"))))));
            default -> answer.set("error", AgentProcess.JSON.valueToTree(Map.of("code", -32601, "message", "no")));
        }
        JsonReply.send(exchange, 200, answer.toString());
    }

}
