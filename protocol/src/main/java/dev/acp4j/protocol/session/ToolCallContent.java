package dev.acp4j.protocol.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.acp4j.protocol.content.ContentBlock;
import java.util.Map;

/** Content produced by a tool call, discriminated by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ToolCallContent.Content.class, name = "content"),
        @JsonSubTypes.Type(value = ToolCallContent.Diff.class, name = "diff"),
        @JsonSubTypes.Type(value = ToolCallContent.Terminal.class, name = "terminal")
})
@JsonPropertyOrder({"type"})
public sealed interface ToolCallContent {

    /**
     * The kind of content: {@code content}, {@code diff} or {@code terminal}.
     *
     * @return the {@code type} discriminator
     */
    @JsonProperty("type")
    String type();

    /**
     * A content block as tool call content.
     *
     * @param content the block
     * @return the tool call content
     */
    static ToolCallContent of(ContentBlock content) {
        return new Content(content, null);
    }

    /**
     * A standard content block (text, image, resource, ...).
     *
     * @param content the block
     * @param meta extension data ({@code _meta}), or null
     */
    record Content(
            @JsonProperty(value = "content", required = true) ContentBlock content,
            @JsonProperty("_meta") Map<String, Object> meta) implements ToolCallContent {
        @Override
        public String type() {
            return "content";
        }
    }

    /**
     * A file modification; {@code oldText} is absent for a new file.
     *
     * @param path absolute path of the file
     * @param oldText the original text, or null for a new file
     * @param newText the new text
     * @param meta extension data ({@code _meta}), or null
     */
    record Diff(
            @JsonProperty(value = "path", required = true) String path,
            @JsonProperty("oldText") String oldText,
            @JsonProperty(value = "newText", required = true) String newText,
            @JsonProperty("_meta") Map<String, Object> meta) implements ToolCallContent {
        @Override
        public String type() {
            return "diff";
        }
    }

    /**
     * Live output of a terminal created with {@code terminal/create}.
     *
     * @param terminalId the terminal, as {@code terminal/create} named it
     * @param meta extension data ({@code _meta}), or null
     */
    record Terminal(
            @JsonProperty(value = "terminalId", required = true) String terminalId,
            @JsonProperty("_meta") Map<String, Object> meta) implements ToolCallContent {
        @Override
        public String type() {
            return "terminal";
        }
    }
}
