package dev.acp4j.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.acp4j.conformance.schema.OfficialSchema;
import java.nio.file.Path;

/**
 * Whether the harness, run from this module, finds the official ACP schema beside the
 * checkout ({@code ../shared}). Checks that need it are skipped, not failed, where it is absent.
 */
final class SharedSchema {

    private SharedSchema() {
    }

    static boolean present() {
        return OfficialSchema.discover(Path.of("")).isPresent();
    }

    static void assumePresent() {
        assumeTrue(present(), "the official ACP schema (" + OfficialSchema.DEFAULT_RELATIVE + ") is absent");
    }

    /** The status a conforming agent gets for a schema check: PASS with the schema, SKIP without. */
    static String statusOfSchemaCheck() {
        return present() ? "PASS" : "SKIP";
    }
}
