package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.acp4j.protocol.auth.AuthMethod;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code initialize}: the negotiated version, the agent's capabilities, identity and auth methods.
 *
 * @param protocolVersion the negotiated protocol version
 * @param agentCapabilities what the agent supports, or null
 * @param authMethods the methods {@code authenticate} accepts, or null
 * @param agentInfo the agent's name and version, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record InitializeResponse(
        @JsonProperty(value = "protocolVersion", required = true) int protocolVersion,
        @JsonProperty("agentCapabilities") AgentCapabilities agentCapabilities,
        @JsonProperty("authMethods") List<AuthMethod> authMethods,
        @JsonProperty("agentInfo") Implementation agentInfo,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A result with agent info only; add capabilities and auth methods with the {@code with...} methods.
     *
     * @param protocolVersion the negotiated protocol version
     * @param agentInfo the agent's name and version
     * @return the result
     */
    public static InitializeResponse of(int protocolVersion, Implementation agentInfo) {
        return new InitializeResponse(protocolVersion, null, null, agentInfo, null);
    }

    /**
     * A copy with the given capabilities.
     *
     * @param capabilities what the agent supports
     * @return the new result
     */
    public InitializeResponse withAgentCapabilities(AgentCapabilities capabilities) {
        return new InitializeResponse(protocolVersion, capabilities, authMethods, agentInfo, meta);
    }

    /**
     * A copy with the given auth methods.
     *
     * @param methods the methods the client may pass to {@code authenticate}
     * @return the new result
     */
    public InitializeResponse withAuthMethods(List<AuthMethod> methods) {
        return new InitializeResponse(protocolVersion, agentCapabilities, methods, agentInfo, meta);
    }
}
