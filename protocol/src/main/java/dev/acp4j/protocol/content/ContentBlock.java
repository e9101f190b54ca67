package dev.acp4j.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** Content in prompts, messages and tool call results, discriminated by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContentBlock.Text.class, name = "text"),
        @JsonSubTypes.Type(value = ContentBlock.Image.class, name = "image"),
        @JsonSubTypes.Type(value = ContentBlock.Audio.class, name = "audio"),
        @JsonSubTypes.Type(value = ContentBlock.ResourceLink.class, name = "resource_link"),
        @JsonSubTypes.Type(value = ContentBlock.Resource.class, name = "resource")
})
@JsonPropertyOrder({"type"})
public sealed interface ContentBlock {

    /** @return the block's {@code type} on the wire, e.g. {@code text} */
    @JsonProperty("type")
    String type();

    /**
     * A text block.
     *
     * @param text the text
     * @return a {@code text} block without annotations
     */
    static ContentBlock text(String text) {
        return new Text(text, null, null);
    }

    /**
     * A link to a resource the client can fetch.
     *
     * @param name the resource's name
     * @param uri its URI
     * @return a {@code resource_link} block
     */
    static ContentBlock resourceLink(String name, String uri) {
        return new ResourceLink(name, uri, null, null, null, null, null, null);
    }

    /**
     * Plain text ({@code TextContent}).
     *
     * @param text the text
     * @param annotations hints for the client about the audience and importance, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Text(
            @JsonProperty(value = "text", required = true) String text,
            @JsonProperty("annotations") Annotations annotations,
            @JsonProperty("_meta") Map<String, Object> meta) implements ContentBlock {
        @Override
        public String type() {
            return "text";
        }
    }

    /**
     * A base64-encoded image ({@code ImageContent}).
     *
     * @param data the image, base64-encoded
     * @param mimeType the MIME type, or null when unknown
     * @param uri where the image comes from, or null
     * @param annotations hints for the client about the audience and importance, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Image(
            @JsonProperty(value = "data", required = true) String data,
            @JsonProperty(value = "mimeType", required = true) String mimeType,
            @JsonProperty("uri") String uri,
            @JsonProperty("annotations") Annotations annotations,
            @JsonProperty("_meta") Map<String, Object> meta) implements ContentBlock {
        @Override
        public String type() {
            return "image";
        }
    }

    /**
     * Base64-encoded audio ({@code AudioContent}).
     *
     * @param data the audio, base64-encoded
     * @param mimeType the MIME type, or null when unknown
     * @param annotations hints for the client about the audience and importance, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Audio(
            @JsonProperty(value = "data", required = true) String data,
            @JsonProperty(value = "mimeType", required = true) String mimeType,
            @JsonProperty("annotations") Annotations annotations,
            @JsonProperty("_meta") Map<String, Object> meta) implements ContentBlock {
        @Override
        public String type() {
            return "audio";
        }
    }

    /**
     * A reference to a resource the agent can access ({@code ResourceLink}).
     *
     * @param name the resource name
     * @param uri the resource URI
     * @param title a title shown to users, or null
     * @param description what it is, or null
     * @param mimeType the MIME type, or null when unknown
     * @param size its size in bytes, or null
     * @param annotations hints for the client about the audience and importance, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record ResourceLink(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "uri", required = true) String uri,
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("mimeType") String mimeType,
            @JsonProperty("size") Long size,
            @JsonProperty("annotations") Annotations annotations,
            @JsonProperty("_meta") Map<String, Object> meta) implements ContentBlock {
        @Override
        public String type() {
            return "resource_link";
        }
    }

    /**
     * A resource whose contents are embedded in the message ({@code EmbeddedResource}).
     *
     * @param resource the resource contents
     * @param annotations hints for the client about the audience and importance, or null
     * @param meta extension data ({@code _meta}), or null
     */
    record Resource(
            @JsonProperty(value = "resource", required = true) EmbeddedResourceResource resource,
            @JsonProperty("annotations") Annotations annotations,
            @JsonProperty("_meta") Map<String, Object> meta) implements ContentBlock {
        @Override
        public String type() {
            return "resource";
        }
    }
}
