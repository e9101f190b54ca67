package dev.acp4j.protocol.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** An MCP server the agent should connect to, discriminated by {@code type}; no {@code type} means stdio. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        defaultImpl = McpServer.Stdio.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = McpServer.Http.class, name = "http"),
        @JsonSubTypes.Type(value = McpServer.Sse.class, name = "sse"),
        @JsonSubTypes.Type(value = McpServer.Stdio.class, name = "stdio")
})
@JsonPropertyOrder({"type"})
public sealed interface McpServer {

    /**
     * A name for the server, unique within the session.
     *
     * @return the server name
     */
    String name();

    /**
     * An MCP server reached over streamable HTTP ({@code McpServerHttp}).
     *
     * @param name a name for the server
     * @param url the server URL
     * @param headers headers to send with every request
     * @param meta extension data ({@code _meta}), or null
     */
    record Http(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty(value = "headers", required = true) List<HttpHeader> headers,
            @JsonProperty("_meta") Map<String, Object> meta) implements McpServer {
        /**
         * Always {@code http}.
         *
         * @return the {@code type} discriminator
         */
        @JsonProperty("type")
        public String type() {
            return "http";
        }
    }

    /**
     * An MCP server reached over server-sent events ({@code McpServerSse}).
     *
     * @param name a name for the server
     * @param url the server URL
     * @param headers headers to send with every request
     * @param meta extension data ({@code _meta}), or null
     */
    record Sse(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty(value = "headers", required = true) List<HttpHeader> headers,
            @JsonProperty("_meta") Map<String, Object> meta) implements McpServer {
        /**
         * Always {@code sse}.
         *
         * @return the {@code type} discriminator
         */
        @JsonProperty("type")
        public String type() {
            return "sse";
        }
    }

    /**
     * An MCP server launched as a subprocess speaking stdio ({@code McpServerStdio}); written without {@code type}.
     *
     * @param name a name for the server
     * @param command absolute path of the executable
     * @param args its arguments
     * @param env environment variables to set
     * @param meta extension data ({@code _meta}), or null
     */
    record Stdio(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "command", required = true) String command,
            @JsonProperty(value = "args", required = true) List<String> args,
            @JsonProperty(value = "env", required = true) List<EnvVariable> env,
            @JsonProperty("_meta") Map<String, Object> meta) implements McpServer {
    }
}
