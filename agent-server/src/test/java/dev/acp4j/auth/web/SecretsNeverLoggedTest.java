package dev.acp4j.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.store.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link SecretHandlingProbe} in its own JVM with every log level enabled, and searches
 * all it wrote for the secret. Stdout must stay empty: it is the ACP channel.
 */
class SecretsNeverLoggedTest {

    @TempDir
    Path dir;

    @Test
    void noSecretReachesTheLogsOrStdout() throws Exception {
        ChildJvm.Result result = ChildJvm.start(dir,
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"),
                SecretHandlingProbe.class, dir.toString()).await();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEmpty();
        // The logs were really captured, at every level the classes use:
        assertThat(result.stderr())
                .contains("is damaged: malformed JSON at line 1")
                .contains("Kept the damaged credential store")
                .contains("DEBUG CredentialStore - Wrote credential store")
                .contains("expected failure: java.io.UncheckedIOException")
                .contains("refused a submission from another site")
                .contains("API key page: a key was received")
                .contains("code page: refused a submission from another site")
                .contains("code page: refused a pasted value: This code is from another sign-in")
                .contains("code page: a code was received")
                .contains("OAuth redirect: ignored a request without the expected state")
                .contains("OAuth redirect: received");
        assertThat(result.stderr()).doesNotContain(SecretHandlingProbe.SECRET, "LEAKCHECK");
    }
}
