package dev.acp4j.conformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A successful initialize result, read as the spec names its parts. */
public record Initialized(JsonNode result) {

    public JsonNode protocolVersion() {
        return result.path("protocolVersion");
    }

    public List<JsonNode> authMethods() {
        List<JsonNode> methods = new ArrayList<>();
        result.path("authMethods").forEach(methods::add);
        return methods;
    }

    public List<String> authMethodIds() {
        return authMethods().stream().map(m -> m.path("id").asText(null)).toList();
    }

    /** An auth method's type; absent means "agent". */
    public static String typeOf(JsonNode method) {
        return method.path("type").asText("agent");
    }

    public boolean logoutAdvertised() {
        return result.path("agentCapabilities").path("auth").path("logout").isObject();
    }

    public JsonNode agentInfo() {
        return result.path("agentInfo");
    }
}
