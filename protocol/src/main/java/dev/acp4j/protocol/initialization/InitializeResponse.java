package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.auth.AuthMethod;
import java.util.List;
import java.util.Map;

/** Result of {@code initialize}: the negotiated version, the agent's capabilities, identity and auth methods. */
public record InitializeResponse(
        @JsonProperty(value = "protocolVersion", required = true) int protocolVersion,
        @JsonProperty("agentCapabilities") AgentCapabilities agentCapabilities,
        @JsonProperty("authMethods") List<AuthMethod> authMethods,
        @JsonProperty("agentInfo") Implementation agentInfo,
        @JsonProperty("_meta") Map<String, Object> meta) {

    public static InitializeResponse of(int protocolVersion, Implementation agentInfo) {
        return new InitializeResponse(protocolVersion, null, null, agentInfo, null);
    }

    public InitializeResponse withAgentCapabilities(AgentCapabilities capabilities) {
        return new InitializeResponse(protocolVersion, capabilities, authMethods, agentInfo, meta);
    }

    public InitializeResponse withAuthMethods(List<AuthMethod> methods) {
        return new InitializeResponse(protocolVersion, agentCapabilities, methods, agentInfo, meta);
    }
}
