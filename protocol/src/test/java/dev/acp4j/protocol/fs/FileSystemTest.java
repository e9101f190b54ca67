package dev.acp4j.protocol.fs;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileSystemTest {

    @Test
    void readRequestRoundTripsWithAndWithoutRange() {
        assertThat(assertRoundTrip("{\"sessionId\":\"s\",\"path\":\"/a\",\"line\":10,\"limit\":5}",
                ReadTextFileRequest.class)).isEqualTo(new ReadTextFileRequest("s", "/a", 10, 5, null));
        assertThat(tree(ReadTextFileRequest.of("s", "/a"))).isEqualTo(parse("{\"sessionId\":\"s\",\"path\":\"/a\"}"));
    }

    @Test
    void writeRequestAndResults() {
        assertThat(assertRoundTrip("{\"sessionId\":\"s\",\"path\":\"/a\",\"content\":\"x\\n\"}",
                WriteTextFileRequest.class)).isEqualTo(WriteTextFileRequest.of("s", "/a", "x\n"));
        assertThat(tree(WriteTextFileResponse.empty())).isEqualTo(parse("{}"));
        assertThat(assertRoundTrip("{\"content\":\"text\"}", ReadTextFileResponse.class))
                .isEqualTo(ReadTextFileResponse.of("text"));
    }
}
