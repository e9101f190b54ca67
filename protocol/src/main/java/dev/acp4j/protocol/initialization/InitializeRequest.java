package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Params of {@code initialize}: the client's protocol version, capabilities and identity.
 *
 * @param protocolVersion the newest protocol version the client supports
 * @param clientCapabilities what the client supports, or null
 * @param clientInfo the client's name and version, or null
 * @param meta extension data ({@code _meta}), or null
 */
public record InitializeRequest(
        @JsonProperty(value = "protocolVersion", required = true) int protocolVersion,
        @JsonProperty("clientCapabilities") ClientCapabilities clientCapabilities,
        @JsonProperty("clientInfo") Implementation clientInfo,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * Params without client info or {@code _meta}.
     *
     * @param protocolVersion the newest protocol version the client supports
     * @param clientCapabilities what the client supports, or null
     * @return the request params
     */
    public static InitializeRequest of(int protocolVersion, ClientCapabilities clientCapabilities) {
        return new InitializeRequest(protocolVersion, clientCapabilities, null, null);
    }
}
