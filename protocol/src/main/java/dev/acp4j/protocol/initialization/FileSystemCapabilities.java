package dev.acp4j.protocol.initialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * File system methods the client supports ({@code fs/read_text_file}, {@code fs/write_text_file}); absent means false.
 *
 * @param readTextFile whether the client supports {@code fs/read_text_file}
 * @param writeTextFile whether the client supports {@code fs/write_text_file}
 * @param meta extension data ({@code _meta}), or null
 */
public record FileSystemCapabilities(
        @JsonProperty("readTextFile") Boolean readTextFile,
        @JsonProperty("writeTextFile") Boolean writeTextFile,
        @JsonProperty("_meta") Map<String, Object> meta) {
}
