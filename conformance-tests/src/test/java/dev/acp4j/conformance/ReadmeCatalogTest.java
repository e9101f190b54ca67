package dev.acp4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's catalog table lists every requirement with its level, so the docs cannot drift. */
class ReadmeCatalogTest {

    @Test
    void readmeListsEveryRequirementWithItsLevel() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "."), "README.md"));
        for (Requirement requirement : Catalog.all()) {
            assertThat(readme).contains("| `" + requirement.id() + "` | " + requirement.level() + " |");
        }
    }
}
