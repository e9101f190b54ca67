package dev.acp4j.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** The contents of an embedded resource: text or a base64 blob (told apart by which field is present). */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
        @JsonSubTypes.Type(EmbeddedResourceResource.TextResourceContents.class),
        @JsonSubTypes.Type(EmbeddedResourceResource.BlobResourceContents.class)
})
public sealed interface EmbeddedResourceResource {

    /**
     * The resource's URI.
     *
     * @return the URI
     */
    String uri();

    /**
     * The MIME type of the contents, when known.
     *
     * @return the MIME type, or null
     */
    String mimeType();

    /**
     * Text contents of a resource.
     *
     * @param uri the resource URI
     * @param text the contents
     * @param mimeType the MIME type, or null when unknown
     * @param meta extension data ({@code _meta}), or null
     */
    record TextResourceContents(
            @JsonProperty(value = "uri", required = true) String uri,
            @JsonProperty(value = "text", required = true) String text,
            @JsonProperty("mimeType") String mimeType,
            @JsonProperty("_meta") Map<String, Object> meta) implements EmbeddedResourceResource {
    }

    /**
     * Binary contents of a resource, base64-encoded.
     *
     * @param uri the resource URI
     * @param blob the contents, base64-encoded
     * @param mimeType the MIME type, or null when unknown
     * @param meta extension data ({@code _meta}), or null
     */
    record BlobResourceContents(
            @JsonProperty(value = "uri", required = true) String uri,
            @JsonProperty(value = "blob", required = true) String blob,
            @JsonProperty("mimeType") String mimeType,
            @JsonProperty("_meta") Map<String, Object> meta) implements EmbeddedResourceResource {
    }
}
