package dev.acp4j.protocol.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An HTTP header to send to an MCP server.
 *
 * @param name the header name
 * @param value its value
 * @param meta extension data ({@code _meta}), or null
 */
public record HttpHeader(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty("_meta") Map<String, Object> meta) {

    /**
     * A header without {@code _meta}.
     *
     * @param name the header name
     * @param value the header value
     * @return the header
     */
    public static HttpHeader of(String name, String value) {
        return new HttpHeader(name, value, null);
    }
}
