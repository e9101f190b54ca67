package dev.acp4j.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.driver.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficialSchemaTest {

    @TempDir
    Path tmp;

    private Path writeSchema(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","x-vendor":1,
                 "$defs":{"Thing":{"type":"object","properties":{"n":{"$ref":"#/$defs/Count"}},"required":["n"]},
                          "Count":{"type":"integer","minimum":0}}}
                """);
        return file;
    }

    @Test
    void discoversSharedSchemaBesideAParentDirectory() throws Exception {
        Path schema = writeSchema(tmp.resolve("shared/acp-schema/v1/schema.json"));
        Path deep = Files.createDirectories(tmp.resolve("project/module/sub"));
        assertThat(OfficialSchema.walkUp(deep)).contains(schema.normalize());
        Path unrelated = Files.createDirectories(tmp.resolve("project/module/sub").resolveSibling("x"));
        Files.delete(schema);
        assertThat(OfficialSchema.walkUp(unrelated)).isEmpty();
    }

    @Test
    void validatesAgainstADefinitionFollowingRefs() throws Exception {
        OfficialSchema schema = OfficialSchema.load(writeSchema(tmp.resolve("schema.json")));
        assertThat(schema.validate("Thing", Json.parse("{\"n\":3}").orElseThrow()))
                .isEmpty();
        assertThat(schema.validate("Thing", Json.parse("{\"n\":-1}").orElseThrow()))
                .isNotEmpty();
        assertThat(schema.validate("Nope", Json.object())).isNotEmpty();
    }
}
