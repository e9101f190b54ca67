package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code agent.json}, the ACP registry manifest the build writes for the release archives. */
class RegistryManifestIT {

    private static final Path TAR_GZ = Path.of(System.getProperty("acp4j.releaseArchive"));
    private static final Path ZIP = Path.of(System.getProperty("acp4j.releaseZip"));

    @Test
    void eachPlatformNamesItsArchiveWithTheArchivesRealSha256() throws Exception {
        JsonNode binary = manifest().at("/distribution/binary");
        assertThat(binary.fieldNames()).toIterable().containsExactlyInAnyOrder("darwin-aarch64", "darwin-x86_64",
                "linux-aarch64", "linux-x86_64", "windows-aarch64", "windows-x86_64");
        binary.fields().forEachRemaining(entry -> {
            Path archive = entry.getKey().startsWith("windows") ? ZIP : TAR_GZ;
            JsonNode target = entry.getValue();
            assertThat(target.get("archive").asText()).as(entry.getKey()).startsWith("https://")
                    .endsWith("/" + archive.getFileName());
            assertThat(target.get("sha256").asText()).as(entry.getKey()).isEqualTo(sha256(archive));
            String base = archive.getFileName().toString().replaceFirst("\\.(tar\\.gz|zip)$", "");
            assertThat(target.get("cmd").asText()).as(entry.getKey())
                    .isEqualTo("./" + base + "/bin/acp4j" + (entry.getKey().startsWith("windows") ? ".cmd" : ""));
            assertThat(target.get("args").isArray()).isTrue();
        });
    }

    @Test
    void theEntryHasTheFieldsTheRegistryRequires() throws Exception {
        JsonNode manifest = manifest();
        for (String field : List.of("id", "name", "version", "description", "repository", "license")) {
            assertThat(manifest.path(field).asText()).as(field).isNotBlank().doesNotContain("${");
        }
        assertThat(manifest.get("id").asText()).matches("^[a-z][a-z0-9-]*$");
        assertThat(manifest.get("version").asText()).matches("^[0-9]+\\.[0-9]+\\.[0-9]+.*");
        assertThat(manifest.get("license").asText()).isEqualTo("Apache-2.0");
    }

    private static JsonNode manifest() throws Exception {
        return AgentProcess.JSON.readTree(Files.readString(Path.of(System.getProperty("acp4j.registryManifest"))));
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
